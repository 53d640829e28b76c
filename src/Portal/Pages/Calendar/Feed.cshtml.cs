using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Calendar;
using Portal.Data;
using Portal.Domain.Families;

namespace Portal.Pages.Calendar;

/// <summary>
/// The calendar feed a calendar app subscribes to: the meetings of the children this user may see, from a month back.
/// The secret address is the key, since calendar apps cannot log in; an unknown or turned-off address finds nothing.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(Portal.Security.SecuritySetup.LinkPolicy)]
public sealed class FeedModel(PortalDbContext db, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return NotFound();
        }

        var hash = CalendarFeed.Hash(token);
        var userId = await db.CalendarFeeds.AsNoTracking().Where(feed => feed.TokenHash == hash).Select(feed => feed.UserId).FirstOrDefaultAsync(cancellationToken);
        if (userId is null)
        {
            return NotFound();
        }

        var now = clock.GetUtcNow();
        var children = await db.Children.AsNoTracking().InvolvingUser(userId)
            .Select(child => new { child.Id, child.Name })
            .ToDictionaryAsync(child => child.Id, child => child.Name, cancellationToken);
        var childIds = children.Keys.ToList();
        var from = now.AddDays(-31);
        var meetings = await db.NetworkMeetings.AsNoTracking()
            .Where(meeting => childIds.Contains(meeting.ChildId) && meeting.EndsAt >= from)
            .OrderBy(meeting => meeting.StartsAt)
            .ToListAsync(cancellationToken);
        var calendar = MeetingCalendar.Published(
            meetings.Select(meeting => (meeting, text["Meeting.CalendarTitle", Child.FirstNameOf(children[meeting.ChildId])].Value)),
            text["Meeting.FeedName"],
            now);
        Response.Headers.CacheControl = "no-store";
        return File(Encoding.UTF8.GetBytes(calendar), "text/calendar; charset=utf-8");
    }
}
