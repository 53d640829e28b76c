using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Portal.Counselling;
using Portal.Data;
using Portal.Domain.Counselling;
using Portal.Security;

namespace Portal.Pages.Counselling;

/// <summary>
/// "I don't need it any more", asked once before the place is given up: the place cannot be had back, so one tap on
/// the status page only leads here, as withdrawing a consent does.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(SecuritySetup.CounsellingPolicy)]
public sealed class GiveUpModel(PortalDbContext db, CounsellingLine line, TicketCookie cookie, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel
{
    public RequestState State { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await line.FindByCodeAsync(cookie.Read(Request), cancellationToken) is not { IsOpen: true } request)
        {
            return RedirectToPage("./Status");
        }

        State = request.State;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Sent twice, or after the place was given up on another device: the status page says how things stand.
        if (await line.FindByCodeAsync(cookie.Read(Request), cancellationToken) is not { IsOpen: true } request)
        {
            return RedirectToPage("./Status");
        }

        request.Withdraw(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = text["Counselling.Withdrawn"].Value;
        return RedirectToPage("./Status");
    }
}
