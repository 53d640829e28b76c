using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Data;

/// <summary>
/// SQLite allows one writer at a time. Every transaction this process begins on the SQLite file (a form's, a round's,
/// or the one EF opens for a save) waits here for its turn before BEGIN IMMEDIATE, so no writer meets a held lock.
/// Measured against SQLite's own busy retry (<c>scripts/bench-write-seam.sh</c>): the same throughput, but the retry
/// sleeps a blocked thread and starves some writers (slowest of 4,000: 1.6 s against 81 ms here).
/// Registered for SQLite only; on PostgreSQL nothing waits in the process. Features never see it.
/// </summary>
public sealed class WriteGate : IDbTransactionInterceptor, ISaveChangesInterceptor, IDisposable
{
    private readonly SemaphoreSlim _oneWriter = new(1, 1);

    /// <summary>A turn is given back when its transaction ends, or at the latest when its connection closes.</summary>
    private readonly ConcurrentDictionary<Guid, Turn> _byTransaction = new();

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AlwaysInTransaction(eventData);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AlwaysInTransaction(eventData);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        _oneWriter.Wait();
        Hold(connection, eventData.TransactionId);
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await _oneWriter.WaitAsync(cancellationToken);
        Hold(connection, eventData.TransactionId);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => GiveBack(eventData.TransactionId);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) => GiveBack(eventData.TransactionId);

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => GiveBack(eventData.TransactionId);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) => GiveBack(eventData.TransactionId);

    /// <summary>BEGIN or COMMIT failed: SQLite holds no lock for this transaction any more.</summary>
    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => GiveBack(eventData.TransactionId);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default) => GiveBack(eventData.TransactionId);

    public void Dispose() => _oneWriter.Dispose();

    /// <summary>
    /// EF saves a single change without a transaction of its own; on SQLite that write would take the lock without a
    /// turn. Always in a transaction, every write comes through here.
    /// </summary>
    private static void AlwaysInTransaction(DbContextEventData eventData) =>
        eventData.Context!.Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;

    private void Hold(DbConnection connection, Guid transactionId)
    {
        var turn = new Turn(_oneWriter, transactionId, connection, _byTransaction);
        _byTransaction[transactionId] = turn;
        connection.StateChange += turn.GiveBackWhenClosed;
    }

    private Task GiveBack(Guid transactionId)
    {
        if (_byTransaction.TryGetValue(transactionId, out var turn))
        {
            turn.Dispose();
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// A transaction disposed without commit or rollback is rolled back, but no interceptor hears it; the turn then goes
    /// back when the connection closes. The connection's own event says so however it is closed: by EF Core after a
    /// query, at the end of a page's request, or directly when a pooled context is reset (which no interceptor hears
    /// either, and which is the only close when a cancelled BEGIN has left EF Core's count of opens one too high).
    /// </summary>
    private sealed class Turn(SemaphoreSlim semaphore, Guid transactionId, DbConnection connection, ConcurrentDictionary<Guid, Turn> held) : IDisposable
    {
        private SemaphoreSlim? _semaphore = semaphore;

        public void GiveBackWhenClosed(object? sender, StateChangeEventArgs change)
        {
            if (change.CurrentState == ConnectionState.Closed)
            {
                Dispose();
            }
        }

        /// <summary>Given back once, whichever comes first: the transaction's end or its connection's close.</summary>
        public void Dispose()
        {
            held.TryRemove(transactionId, out _);
            connection.StateChange -= GiveBackWhenClosed;
            Interlocked.Exchange(ref _semaphore, null)?.Release();
        }
    }
}
