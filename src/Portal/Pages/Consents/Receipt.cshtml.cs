using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Consents;
using Portal.Data;
using Portal.Domain.Consents;
using Portal.Identity;

namespace Portal.Pages.Consents;

/// <summary>The receipt for one's own decision: what, when, how, until when, the words, and how to take it back.</summary>
public sealed class ReceiptModel(PortalDbContext db, ConsentBook book, ConsentWordings wordings) : PageModel
{
    public ConsentDecision? Decision { get; private set; }

    /// <summary>The consent as it stands now: a yes that waits for someone else is not yet a consent in force.</summary>
    public ConsentStatus Status { get; private set; } = null!;

    public Guid ChildId { get; private set; }

    public PartnerService Partner { get; private set; }

    public ConsentPurpose Purpose { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(Guid decisionId, CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var consent = await db.Consents.AsNoTracking()
            .Include(item => item.Decisions.Where(decision => decision.Id == decisionId))
            .Where(item => item.Decisions.Any(decision => decision.Id == decisionId && decision.PartyId == userId))
            .Where(item => db.Children.VisibleToFamilyMember(userId).Any(child => child.Id == item.ChildId))
            .FirstOrDefaultAsync(cancellationToken);
        if (consent is null)
        {
            return NotFound();
        }

        var consents = await book.LoadAsync(db.Children.VisibleToFamilyMember(userId), consent.ChildId, tracked: false, cancellationToken);
        Decision = consent.Decisions.Single(decision => decision.Id == decisionId);
        (ChildId, Partner, Purpose) = (consent.ChildId, consent.Partner, consent.Purpose);
        Status = consents!.Status(consent.Partner, consent.Purpose);
        Title = wordings.Title(consent.Partner, consent.Purpose, consents.Child.Name);
        return Page();
    }
}
