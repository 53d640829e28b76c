using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Consents;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Consents;
using Portal.Identity;
using Portal.Pages.Forms;

namespace Portal.Pages.Consents;

/// <summary>Giving and withdrawing share one shape: show the exact words, take one confirming tap, show the receipt.</summary>
public abstract class DecisionPage(PortalDbContext db, ConsentBook book, ConsentWordings wordings) : PageModel, IRefusablePage
{
    public Guid ChildId { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public ConsentWording Wording { get; private set; } = null!;

    public PartnerService Partner { get; private set; }

    public ConsentPurpose Purpose { get; private set; }

    protected abstract ConsentAction Action { get; }

    // Partner and purpose come from the address as text: anything but a known name answers 404.
    public async Task<IActionResult> OnGetAsync(Guid childId, string partner, string purpose, CancellationToken cancellationToken)
    {
        var (consents, party) = await LoadAsync(childId, partner, purpose, tracked: false, cancellationToken);
        return consents is null || party is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid childId, string partner, string purpose, CancellationToken cancellationToken)
    {
        var (consents, party) = await LoadAsync(childId, partner, purpose, tracked: true, cancellationToken);
        if (consents is null || party is null)
        {
            return NotFound();
        }

        // Nothing to record (the same answer again, a double tap): back to the overview, which shows it.
        if (book.Decide(consents, Partner, Purpose, party, Action, recordedBy: null) is not { } decision)
        {
            return RedirectToPage("./Index", new { childId });
        }

        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("./Receipt", new { decisionId = decision.Id });
    }

    public async Task<IActionResult> ShowAgainAsync(CancellationToken cancellationToken)
    {
        var (consents, party) = await LoadAsync(ChildId, Partner.ToString(), Purpose.ToString(), tracked: false, cancellationToken);
        return consents is null || party is null ? NotFound() : Page();
    }

    private async Task<(ChildConsents? Consents, Party? Party)> LoadAsync(Guid childId, string partnerName, string purposeName, bool tracked, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<PartnerService>(partnerName, ignoreCase: true, out var partner) || !Enum.IsDefined(partner)
            || !Enum.TryParse<ConsentPurpose>(purposeName, ignoreCase: true, out var purpose) || !Enum.IsDefined(purpose)
            || int.TryParse(partnerName, out _) || int.TryParse(purposeName, out _))
        {
            return (null, null);
        }

        (Partner, Purpose) = (partner, purpose);

        var me = User.ToActor();
        var consents = await book.LoadAsync(db.Children.VisibleToFamilyMember(me.UserId), childId, tracked, cancellationToken);
        var party = consents?.PartyFor(me.UserId, me.Role);
        if (consents is null || party is null)
        {
            return (null, null);
        }

        ChildId = childId;
        Title = wordings.Title(partner, purpose, consents.Child.Name);
        Wording = wordings.For(partner, purpose, consents.Child.Name, book.ValidityMonths);
        return (consents, party);
    }
}
