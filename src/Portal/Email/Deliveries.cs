using Microsoft.EntityFrameworkCore;

namespace Portal.Email;

/// <summary>Whether the latest mail about each thing (an invitation, a meeting participant) went out, for staff pages.</summary>
public static class Deliveries
{
    public static async Task<IReadOnlyDictionary<Guid, DeliveryState>> LatestAsync(this IQueryable<OutboxMessage> outbox, IReadOnlyCollection<Guid> regardingIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(regardingIds);
        if (regardingIds.Count == 0)
        {
            return new Dictionary<Guid, DeliveryState>();
        }

        var messages = await outbox.AsNoTracking()
            .Where(message => message.RegardingId != null && regardingIds.Contains(message.RegardingId.Value))
            .Select(message => new { RegardingId = message.RegardingId!.Value, message.CreatedAt, message.SentAt, message.GaveUpAt })
            .ToListAsync(cancellationToken);
        return messages.GroupBy(message => message.RegardingId).ToDictionary(
            group => group.Key,
            group => group.MaxBy(message => message.CreatedAt) switch
            {
                { SentAt: not null } => DeliveryState.Sent,
                { GaveUpAt: not null } => DeliveryState.Failed,
                _ => DeliveryState.Waiting,
            });
    }
}
