using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;
using Portal.Domain.Plans;
using Portal.Identity;
using Portal.Pages.Plans;

namespace Portal.Pages.Staff.Cases;

/// <summary>The plan's history for the caseworker; opening it is a read of the plan, which the family sees.</summary>
public sealed class HistoryModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public Guid ChildId { get; private set; }

    public IReadOnlyList<PlanChange> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid childId, CancellationToken cancellationToken)
    {
        var changes = await PlanHistory.LoadAsync(db, db.Children.AssignedTo(User.UserId()), childId, cancellationToken);
        if (changes is null)
        {
            return NotFound();
        }

        ChildId = childId;
        Changes = changes;
        await db.RecordReadAsync(childId, User.ToActor(), clock.GetUtcNow(), cancellationToken);
        return Page();
    }
}
