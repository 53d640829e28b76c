using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Counselling;

namespace Portal.Counselling;

/// <summary>Numbers in the line (taken inside a write transaction, so they never repeat or skip) and finding a request by its code.</summary>
public sealed class CounsellingLine(PortalDbContext db)
{
    /// <summary>The next arrival number and the back of the line. Call inside a write transaction.</summary>
    public async Task<(long QueueNumber, long LinePosition)> NextNumbersAsync(CancellationToken cancellationToken)
    {
        var counter = await CounterAsync(cancellationToken);
        counter.LastQueueNumber++;
        counter.LastLinePosition++;
        return (counter.LastQueueNumber, counter.LastLinePosition);
    }

    /// <summary>A place behind everyone now waiting, for someone who let offers pass twice. Call inside a write transaction.</summary>
    public async Task<long> BackOfLineAsync(CancellationToken cancellationToken)
    {
        var counter = await CounterAsync(cancellationToken);
        return ++counter.LastLinePosition;
    }

    /// <summary>
    /// The one counter row, locked for the rest of the transaction on a server database, so instances take numbers one
    /// after another, each in the same transaction that stores its request: a rolled-back transaction gives its numbers
    /// back, so there are no gaps (a database sequence would leave one) and no repeats. SQLite has one writer anyway.
    /// </summary>
    private async Task<CounsellingCounter> CounterAsync(CancellationToken cancellationToken)
    {
        var counter = db.Database.IsNpgsql()
            ? await db.CounsellingCounters.FromSql($"SELECT * FROM \"CounsellingCounters\" WHERE \"Id\" = {CounsellingCounter.SingleId} FOR UPDATE").FirstOrDefaultAsync(cancellationToken)
            : await db.CounsellingCounters.FindAsync([CounsellingCounter.SingleId], cancellationToken);
        return counter ?? throw new InvalidOperationException("The counselling counter is made at start (CounsellingCounter.EnsureCreatedAsync).");
    }

    public Task<CounsellingRequest?> FindByCodeAsync(string? typedOrStoredCode, CancellationToken cancellationToken)
    {
        var code = TicketCodes.Normalize(typedOrStoredCode);
        if (code is null)
        {
            return Task.FromResult<CounsellingRequest?>(null);
        }

        var hash = TicketCodes.Hash(code);
        return db.CounsellingRequests.FirstOrDefaultAsync(request => request.TicketHash == hash, cancellationToken);
    }
}

/// <summary>The last arrival number and line position handed out, in one row that every joining write updates.</summary>
public sealed class CounsellingCounter
{
    public const int SingleId = 1;

    public int Id { get; set; }

    public long LastQueueNumber { get; set; }

    public long LastLinePosition { get; set; }

    /// <summary>Made once at start, so instances never race to insert it; a second instance finds it there.</summary>
    public static async Task EnsureCreatedAsync(PortalDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.CounsellingCounters.AnyAsync(counter => counter.Id == SingleId))
        {
            return;
        }

        db.CounsellingCounters.Add(new CounsellingCounter { Id = SingleId });
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Another instance made it a moment ago; anything else is a real fault.
            db.ChangeTracker.Clear();
            if (!await db.CounsellingCounters.AnyAsync(counter => counter.Id == SingleId))
            {
                throw;
            }
        }

        db.ChangeTracker.Clear();
    }
}
