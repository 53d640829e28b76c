using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Domain.Counselling;

namespace Portal.Counselling;

/// <summary>Returns unanswered offers to the line at their deadline, and deletes closed and withdrawn requests after the retention period.</summary>
public sealed partial class CounsellingHousekeeping(IServiceScopeFactory scopes, IOptions<CounsellingOptions> options, TimeProvider clock, ILogger<CounsellingHousekeeping> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.HousekeepingInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromTicks(Math.Min(interval.Ticks, TimeSpan.FromDays(1).Ticks)), clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <returns>How many offers lapsed and how many requests were deleted.</returns>
    public async Task<(int Lapsed, int Deleted)> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var line = scope.ServiceProvider.GetRequiredService<CounsellingLine>();
        var now = clock.GetUtcNow();
        var cutoff = now - options.Value.Retention;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.TryTakeRoundAsync(RowLocks.Rounds.CounsellingHousekeeping, cancellationToken))
        {
            return (0, 0);
        }

        var lapsed = 0;
        foreach (var request in await db.CounsellingRequests.Where(request => request.State == RequestState.Offered && request.AnswerBy <= now).OrderBy(request => request.LinePosition).ToListAsync(cancellationToken))
        {
            if (request.LapseIfUnanswered(now, await line.BackOfLineAsync(cancellationToken)))
            {
                lapsed++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        // Hard delete: nothing of a closed request is kept beyond the retention period.
        var deleted = await db.CounsellingRequests
            .Where(request => (request.State == RequestState.Closed || request.State == RequestState.Withdrawn) && request.ClosedAt <= cutoff)
            .ExecuteDeleteAsync(cancellationToken);

        // The line's pace needs no offer older than its longest period.
        var paceCutoff = now - LinePace.LongestPeriod;
        await db.OffersMade.Where(offer => offer.At <= paceCutoff).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (lapsed + deleted > 0)
        {
            LogDone(logger, lapsed, deleted);
        }

        return (lapsed, deleted);
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Counselling housekeeping: {Lapsed} offers lapsed, {Deleted} requests deleted")]
    private static partial void LogDone(ILogger logger, int lapsed, int deleted);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "Counselling housekeeping failed ({ErrorKind})")]
    private static partial void LogFailed(ILogger logger, string errorKind);
}
