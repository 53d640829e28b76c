using Portal.Data;
using Portal.Domain;
using Portal.Domain.Plans;

namespace Portal.Pages.Plans;

public static class PlanReadLog
{
    /// <summary>
    /// Records that someone outside the family opened the child's plan, before the page shows it: the family sees every
    /// read under "Hvem har set planen". Call it for a child the reader was found to have access to.
    /// </summary>
    public static async Task RecordReadAsync(this PortalDbContext db, Guid childId, Actor reader, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.PlanReads.Add(PlanRead.By(childId, reader, now));
        await db.SaveChangesAsync(cancellationToken);
    }
}
