using System.Threading.Channels;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Counselling;

namespace Portal.Counselling;

/// <summary>
/// Where arrivals wait for their number. One loop takes everyone who has arrived, numbers them in arrival order and
/// commits them in one transaction (group commit): one disk flush for many people, and each person's page answers only
/// after their own place is durable. Order is the order they reached this queue; numbers never repeat or skip.
/// </summary>
public sealed partial class CounsellingArrivals(IServiceScopeFactory scopes, TimeProvider clock, ILogger<CounsellingArrivals> logger) : BackgroundService
{
    private const int MostPerCommit = 256;

    private readonly Channel<Arrival> _arrivals = Channel.CreateUnbounded<Arrival>(new UnboundedChannelOptions { SingleReader = true });

    public sealed record Joined(CounsellingRequest Request, string Code);

    public async Task<Joined> JoinAsync(Asker? asker, Topic? topic, CounsellingForm? form, string? message, string? email, CancellationToken cancellationToken)
    {
        var arrival = new Arrival(TicketCodes.NewCode(), asker, topic, form, message, email);
        await _arrivals.Writer.WriteAsync(arrival, cancellationToken);
        return await arrival.Result.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Arrival>(MostPerCommit);
        while (await _arrivals.Reader.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            while (batch.Count < MostPerCommit && _arrivals.Reader.TryRead(out var arrival))
            {
                batch.Add(arrival);
            }

            try
            {
                await NumberAndSaveAsync(batch, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, batch.Count, exception.GetType().Name);
                batch.ForEach(arrival => arrival.Result.TrySetException(exception));
            }
        }
    }

    private async Task NumberAndSaveAsync(List<Arrival> batch, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var line = scope.ServiceProvider.GetRequiredService<CounsellingLine>();
        var saved = new List<(Arrival Arrival, CounsellingRequest Request)>(batch.Count);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var now = clock.GetUtcNow();
            foreach (var arrival in batch)
            {
                CounsellingRequest request;
                try
                {
                    // Checked before a number is taken, so a refused arrival leaves no gap.
                    CounsellingRequest.Check(arrival.Asker, arrival.Topic, arrival.Form, arrival.Message, arrival.Email);
                    var (number, position) = await line.NextNumbersAsync(cancellationToken);
                    request = CounsellingRequest.Ask(number, position, TicketCodes.Hash(arrival.Code), arrival.Asker, arrival.Topic, arrival.Form, arrival.Message, arrival.Email, now);
                }
                catch (DomainException exception)
                {
                    arrival.Result.TrySetException(exception);
                    continue;
                }

                db.CounsellingRequests.Add(request);
                saved.Add((arrival, request));
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        saved.ForEach(item => item.Arrival.Result.TrySetResult(new Joined(item.Request, item.Arrival.Code)));
    }

    private sealed record Arrival(string Code, Asker? Asker, Topic? Topic, CounsellingForm? Form, string? Message, string? Email)
    {
        public TaskCompletionSource<Joined> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(EventId = 4003, Level = LogLevel.Error, Message = "Could not save {Count} arrivals in the counselling line ({ErrorKind})")]
    private static partial void LogFailed(ILogger logger, int count, string errorKind);
}
