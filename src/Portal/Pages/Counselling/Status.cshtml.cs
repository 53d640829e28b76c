using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Counselling;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Counselling;
using Portal.Pages.Forms;
using Portal.Security;

namespace Portal.Pages.Counselling;

/// <summary>The person's place in the line, the offer when it comes, and their answer. Found by the code in this device's cookie.</summary>
[AllowAnonymous]
[EnableRateLimiting(SecuritySetup.CounsellingPolicy)]
public sealed class StatusModel(PortalDbContext db, CounsellingLine line, TicketCookie cookie, IStringLocalizer<SharedResource> shared, IStringLocalizer<StatusModel> text, TimeProvider clock) : PageModel, IRefusablePage
{
    public CounsellingRequest? Ticket { get; private set; }

    /// <summary>As the person should see it: an offer past its deadline is shown as waiting again.</summary>
    public RequestState State { get; private set; }

    public int Place { get; private set; }

    public string WaitText { get; private set; } = string.Empty;

    public string OfferText { get; private set; } = string.Empty;

    public string Code { get; private set; } = string.Empty;

    /// <summary>The code as a QR code, for the phone's camera.</summary>
    public string CodeQr => Portal.Pages.QrCodes.SvgDataUri(Code);

    public bool IsNew { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return RedirectToPage("./Code");
        }

        IsNew = TempData["CounsellingNew"] is true;
        if (Ticket!.IsOpen)
        {
            cookie.Write(Response, cookie.Read(Request)!);
        }
        else
        {
            // Closed or withdrawn: shown this once, and the device forgets it.
            cookie.Forget(Response);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(CancellationToken cancellationToken)
    {
        if (await line.FindByCodeAsync(cookie.Read(Request), cancellationToken) is not { } request)
        {
            return RedirectToPage("./Code");
        }

        request.AcceptOffer(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Done("Counselling.Accepted");
    }

    public async Task<IActionResult> OnPostPassAsync(CancellationToken cancellationToken)
    {
        if (await line.FindByCodeAsync(cookie.Read(Request), cancellationToken) is not { } request)
        {
            return RedirectToPage("./Code");
        }

        request.LetOfferPass(clock.GetUtcNow(), await line.BackOfLineAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return Done("Counselling.Passed");
    }

    public async Task<IActionResult> OnPostRemoveEmailAsync(CancellationToken cancellationToken)
    {
        if (await line.FindByCodeAsync(cookie.Read(Request), cancellationToken) is not { } request)
        {
            return RedirectToPage("./Code");
        }

        request.RemoveEmail();
        await db.SaveChangesAsync(cancellationToken);
        return Done("Counselling.EmailRemoved");
    }

    public IActionResult OnPostForget()
    {
        cookie.Forget(Response);
        return RedirectToPage("./Index");
    }

    public async Task<IActionResult> ShowAgainAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : RedirectToPage("./Code");

    private RedirectToPageResult Done(string doneKey)
    {
        TempData["StatusMessage"] = shared[doneKey].Value;
        return RedirectToPage();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var code = TicketCodes.Normalize(cookie.Read(Request));
        Ticket = code is null ? null : await db.CounsellingRequests.AsNoTracking().FirstOrDefaultAsync(request => request.TicketHash == TicketCodes.Hash(code), cancellationToken);
        if (Ticket is null)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        Code = TicketCodes.Format(code!);
        State = Ticket.State == RequestState.Offered && now >= Ticket.AnswerBy ? RequestState.Waiting : Ticket.State;
        if (State == RequestState.Waiting)
        {
            var position = Ticket.LinePosition;
            Place = 1 + await db.CounsellingRequests.CountAsync(request => request.State == RequestState.Waiting && request.LinePosition < position, cancellationToken);
            var since = now - LinePace.LongestPeriod;
            var pace = LinePace.Measure(await db.OffersMade.Where(offer => offer.At > since).Select(offer => offer.At).ToListAsync(cancellationToken), now);
            WaitText = WaitEstimate.Describe(text, pace, Place);
        }

        if (Ticket.OfferStartsAt is { } starts)
        {
            var where = Ticket.OfferOnline ? text["Online"].Value : Ticket.OfferPlace ?? string.Empty;
            OfferText = text["Offer", Portal.Localization.Dates.Time(starts), where, Ticket.CounsellorFirstName ?? string.Empty];
        }

        return true;
    }
}
