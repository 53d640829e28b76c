using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Families;
using Portal.Domain.Meetings;

namespace Portal.Meetings;

public static class MeetingQueries
{
    /// <summary>Meetings that are still to be held: not cancelled and not over at <paramref name="now"/>.</summary>
    public static IQueryable<NetworkMeeting> StillOn(this IQueryable<NetworkMeeting> meetings, DateTimeOffset now) =>
        meetings.Where(StillOnAt(now));

    /// <summary>The same rule as a condition, for a query that asks it inside another (the start page's children).</summary>
    public static Expression<Func<NetworkMeeting, bool>> StillOnAt(DateTimeOffset now) =>
        meeting => meeting.CancelledAt == null && meeting.EndsAt > now;

    /// <summary>A child's meeting, read-only, found through the children the user may see; null for anyone else's.</summary>
    public static async Task<MeetingView?> FindMeetingAsync(this IQueryable<Child> allowedChildren, IQueryable<NetworkMeeting> meetings, Guid childId, Guid meetingId, CancellationToken cancellationToken)
    {
        var child = await allowedChildren.AsNoTracking().FirstOrDefaultAsync(item => item.Id == childId, cancellationToken);
        var meeting = child is null ? null : await meetings.AsNoTracking().FirstOrDefaultAsync(item => item.Id == meetingId && item.ChildId == childId, cancellationToken);
        return child is null || meeting is null ? null : new MeetingView(child, meeting);
    }

    /// <summary>The child's meetings, soonest first; cancelled and held ones too, so nobody wonders where one went.</summary>
    public static async Task<(Child Child, IReadOnlyList<NetworkMeeting> Meetings)?> FindMeetingsAsync(this IQueryable<Child> allowedChildren, IQueryable<NetworkMeeting> meetings, Guid childId, CancellationToken cancellationToken)
    {
        var child = await allowedChildren.AsNoTracking().FirstOrDefaultAsync(item => item.Id == childId, cancellationToken);
        if (child is null)
        {
            return null;
        }

        var list = await meetings.AsNoTracking().Where(item => item.ChildId == childId).OrderBy(item => item.StartsAt).ToListAsync(cancellationToken);
        return (child, list);
    }
}

public sealed record MeetingView(Child Child, NetworkMeeting Meeting);
