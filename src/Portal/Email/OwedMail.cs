using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.Data;

namespace Portal.Email;

/// <summary>
/// One per feature: the mail that a save owes, worked out from what the save changes (a new consent decision, a meeting
/// planned, moved or cancelled, a counselling offer), and added to the outbox in that same save. A handler only loads,
/// changes and saves; it never queues mail itself, so no change can forget its mail.
/// </summary>
public interface IOwedMail
{
    /// <summary>
    /// Adds the messages owed for the changes tracked in <paramref name="db"/>. It may also change other entities whose
    /// own mail a later feature sends (a withdrawn consent takes the partner off the child's coming meetings).
    /// </summary>
    Task AddAsync(PortalDbContext db, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>
/// Asks every feature's <see cref="IOwedMail"/>, in the order they were registered, before each save. A save that fails
/// is never retried on the same context (the form's transaction is rolled back), so nothing is owed twice.
/// </summary>
public sealed class OwedMailOnSave(IEnumerable<IOwedMail> features, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, object> History = [];

    /// <summary>
    /// What this context saves until the returned scope ends is history being recorded (the demo data): it happened
    /// before, and owes no mail now. The scope must end: contexts are pooled, and the next request gets this one back.
    /// </summary>
    public static IDisposable RecordsHistory(DbContext db)
    {
        History.AddOrUpdate(db, db);
        return new HistoryRecorded(db);
    }

    private sealed class HistoryRecorded(DbContext db) : IDisposable
    {
        public void Dispose() => History.Remove(db);
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is not PortalDbContext db || History.TryGetValue(db, out _))
        {
            return result;
        }

        // Each message is written in its recipient's language (MailLanguage), whatever the request's is.
        var now = clock.GetUtcNow();
        foreach (var feature in features)
        {
            db.ChangeTracker.DetectChanges();
            await feature.AddAsync(db, now, cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// Only the data-protection key ring saves synchronously, and it owes no mail: each feature finds nothing of its own
    /// and finishes without waiting on anything.
    /// </summary>
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();
}
