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

    /// <summary>
    /// A periodic round (reminders, lapsing offers, the retention purge) runs on one instance at a time: on PostgreSQL
    /// the first to ask holds a lock until its transaction ends, and the others skip that round. Every round is also safe
    /// to run twice, so two instances running one after the other do no harm. Call inside the round's transaction.
    /// </summary>
    public static async Task<bool> TryTakeRoundAsync(this PortalDbContext db, long round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsNpgsql())
        {
            return true;
        }

        return await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({round}) AS \"Value\"").SingleAsync(cancellationToken);
    }

    /// <summary>The rounds' lock keys, the portal's own numbers.</summary>
    public static class Rounds
    {
        public const long ConsentReminders = 724_681_910;
        public const long CounsellingHousekeeping = 724_681_911;
        public const long MeetingConsentSweep = 724_681_912;
    }
}
