using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Consents;
using Portal.Data;
using Portal.Domain.Consents;
using Portal.Identity;

namespace Portal.Pages.Consents;

/// <summary>The receipt for one's own decision: what, when, how, until when, the words, and how to take it back.</summary>
public sealed class ReceiptModel(PortalDbContext db, ConsentWordings wordings) : PageModel
{
    public ConsentDecision? Decision { get; private set; }

    public Guid ChildId { get; private set; }

    public PartnerService Partner { get; private set; }

    public ConsentPurpose Purpose { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(Guid decisionId, CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var consent = await db.Consents.AsNoTracking()
            .Where(item => item.Decisions.Any(decision => decision.Id == decisionId && decision.PartyId == userId))
            .Where(item => db.Children.VisibleToFamilyMember(userId).Any(child => child.Id == item.ChildId))
            .FirstOrDefaultAsync(cancellationToken);
        if (consent is null)
        {
            return NotFound();
        }

        var childName = await db.Children.Where(child => child.Id == consent.ChildId).Select(child => child.Name).FirstAsync(cancellationToken);
        Decision = consent.Decisions.Single(decision => decision.Id == decisionId);
        (ChildId, Partner, Purpose) = (consent.ChildId, consent.Partner, consent.Purpose);
        Title = wordings.Title(consent.Partner, consent.Purpose, childName);
        return Page();
    }
}
