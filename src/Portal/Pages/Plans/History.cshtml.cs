using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Plans;
using Portal.Identity;

namespace Portal.Pages.Plans;

/// <summary>Every change to the plan, newest first: who, in what role, when, and what.</summary>
public sealed class HistoryModel(PortalDbContext db) : PageModel
{
    public Guid ChildId { get; private set; }

    public IReadOnlyList<PlanChange> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid childId, CancellationToken cancellationToken)
    {
        var changes = await PlanHistory.LoadAsync(db, db.Children.VisibleToFamilyMember(User.UserId()), childId, cancellationToken);
        if (changes is null)
        {
            return NotFound();
        }

        ChildId = childId;
        Changes = changes;
        return Page();
    }
}
