using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Pages.Plans;

public static class PlanQueries
{
    /// <summary>
    /// The child's plan, or null. To change it (<paramref name="tracked"/>), the child's row is locked first on
    /// PostgreSQL: everything a plan holds is in its one row, so two saves at once (a parent's words, a caseworker's
    /// change) take turns instead of one overwriting the other. Call it for a child the user was found to have.
    /// </summary>
    public static async Task<Domain.Plans.Plan?> PlanOfAsync(this PortalDbContext db, Guid childId, bool tracked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (tracked)
        {
            await db.LockChildAsync(childId, cancellationToken);
        }

        return await (tracked ? db.Plans : db.Plans.AsNoTracking()).FirstOrDefaultAsync(plan => plan.ChildId == childId, cancellationToken);
    }
}
