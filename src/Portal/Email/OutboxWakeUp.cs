using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Email;

/// <summary>After a save that added mail, wakes the dispatcher. Mail saved inside a longer transaction goes at the next poll.</summary>
public sealed class OutboxWakeUp(OutboxSignal signal) : SaveChangesInterceptor
{
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        WakeIfMailWasAdded(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        WakeIfMailWasAdded(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void WakeIfMailWasAdded(DbContext? context)
    {
        if (context is not null
            && context.Database.CurrentTransaction is null
            && context.ChangeTracker.Entries<OutboxMessage>().Any(entry => entry.Entity.Attempts == 0 && entry.Entity.SentAt is null))
        {
            signal.Notify();
        }
    }
}
