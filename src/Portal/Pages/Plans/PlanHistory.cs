using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Families;
using Portal.Domain.Plans;

namespace Portal.Pages.Plans;

public static class PlanHistory
{
    /// <summary>The plan's history, newest first, or null when the child is not among <paramref name="allowedChildren"/>.</summary>
    public static async Task<IReadOnlyList<PlanChange>?> LoadAsync(PortalDbContext db, IQueryable<Child> allowedChildren, Guid childId, CancellationToken cancellationToken)
    {
        if (!await allowedChildren.AnyAsync(child => child.Id == childId, cancellationToken))
        {
            return null;
        }

        var plan = await db.Plans.AsNoTracking().Include(item => item.Changes).FirstOrDefaultAsync(item => item.ChildId == childId, cancellationToken);
        return plan?.Changes.OrderByDescending(change => change.At).ToList();
    }
}
