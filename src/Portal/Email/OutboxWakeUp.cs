using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Email;

/// <summary>
/// Wakes the dispatcher as soon as new mail is in the database: after a save that added mail, or, when the save was part
/// of a longer transaction, when that transaction commits (not before: the dispatcher would find nothing yet). Only mail
/// a save adds counts: the dispatcher's own saves (leasing a batch, recording each outcome) change mail that is already
/// there, and waking it for those ran one more round after every round.
/// </summary>
/// <remarks>Registered after <see cref="OwedMailOnSave"/> (DataSetup), so it sees the mail that interceptor adds to a save.</remarks>
public sealed class OutboxWakeUp(OutboxSignal signal) : DbTransactionInterceptor, ISaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _addingMail = [];
    private readonly ConditionalWeakTable<DbContext, object> _mailInTransaction = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Saving(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Saving(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Forget(eventData.Context);
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void SaveChangesCanceled(DbContextEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Forget(eventData.Context);
    }

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Saved(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Committed(eventData.Context);
    }

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context)
        {
            _mailInTransaction.Remove(context);
        }
    }

    private void Saving(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<OutboxMessage>().Any(entry => entry.State == EntityState.Added))
        {
            _addingMail.AddOrUpdate(context, context);
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _addingMail.Remove(context);
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !_addingMail.Remove(context))
        {
            return;
        }

        if (context.Database.CurrentTransaction is null)
        {
            signal.Notify();
        }
        else
        {
            _mailInTransaction.AddOrUpdate(context, context);
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && _mailInTransaction.Remove(context))
        {
            signal.Notify();
        }
    }
}
