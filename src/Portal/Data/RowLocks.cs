using Microsoft.EntityFrameworkCore;

namespace Portal.Data;

/// <summary>
/// Row locks for decisions that read before they write. On PostgreSQL, with several instances, the child's row is the
/// lock: two decisions about the same child (both parents tapping yes at once, a double tap) take turns until the
/// transaction ends, and the second sees the first. On SQLite the one writer already takes turns, so nothing is needed.
/// </summary>
public static class RowLocks
{
    public static async Task LockChildAsync(this PortalDbContext db, Guid childId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.IsNpgsql() && db.Database.CurrentTransaction is not null)
        {
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Children\" WHERE \"Id\" = {childId} FOR UPDATE", cancellationToken);
        }
    }
}
