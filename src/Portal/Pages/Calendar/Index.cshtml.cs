using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Calendar;
using Portal.Data;
using Portal.Email;
using Portal.Identity;

namespace Portal.Pages.Calendar;

/// <summary>
/// The signed-in user's secret calendar address for their network meetings. It is shown once, when made; making a new
/// one or turning it off stops the old one at once.
/// </summary>
public sealed class IndexModel(PortalDbContext db, PortalLinks links, TimeProvider clock) : PageModel
{
    public DateTimeOffset? CreatedAt { get; private set; }

    /// <summary>The new address, only in the answer to the request that made it.</summary>
    public string? NewAddress { get; private set; }

    /// <summary>The same address for "subscribe" on a phone: webcal: opens the calendar app, which then fetches it over https.</summary>
    public string? SubscribeAddress => NewAddress is { } address && Uri.TryCreate(address, UriKind.Absolute, out var uri)
        ? "webcal://" + uri.Authority + uri.PathAndQuery
        : null;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        CreatedAt = (await db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(feed => feed.UserId == User.UserId(), cancellationToken))?.CreatedAt;

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        await db.CalendarFeeds.Where(feed => feed.UserId == User.UserId()).ExecuteDeleteAsync(cancellationToken);
        var (feed, token) = CalendarFeed.Create(User.UserId(), clock.GetUtcNow());
        db.CalendarFeeds.Add(feed);
        await db.SaveChangesAsync(cancellationToken);
        (CreatedAt, NewAddress) = (feed.CreatedAt, links.Page("/Calendar/Feed", new { token }));
        return Page();
    }

    public async Task<IActionResult> OnPostTurnOffAsync(CancellationToken cancellationToken)
    {
        await db.CalendarFeeds.Where(feed => feed.UserId == User.UserId()).ExecuteDeleteAsync(cancellationToken);
        return RedirectToPage();
    }
}
