using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Plans;
using Portal.Identity;

namespace Portal.Pages.Plans;

/// <summary>"Hvem har set planen": every time someone outside the family opened the child's plan, newest first (GDPR art. 15).</summary>
public sealed class ReadersModel(PortalDbContext db) : PageModel
{
    public string ChildName { get; private set; } = string.Empty;

    public Guid ChildId { get; private set; }

    public bool IsOwnPlan { get; private set; }

    public IReadOnlyList<PlanRead> Reads { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid childId, CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var child = await db.Children.VisibleToFamilyMember(userId).AsNoTracking()
            .Where(item => item.Id == childId)
            .Select(item => new { item.Name, item.YouthUserId })
            .FirstOrDefaultAsync(cancellationToken);
        if (child is null)
        {
            return NotFound();
        }

        (ChildId, ChildName, IsOwnPlan) = (childId, child.Name, child.YouthUserId == userId);

        // Ordered here: SQLite cannot order by a stored time with its offset.
        Reads = [.. (await db.PlanReads.AsNoTracking().Where(read => read.ChildId == childId).ToListAsync(cancellationToken))
            .OrderByDescending(read => read.At)];
        return Page();
    }
}
