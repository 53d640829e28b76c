using Portal.Domain.Meetings;

namespace Portal.Meetings;

public static class MeetingQueries
{
    /// <summary>Meetings that are still to be held: not cancelled and not over at <paramref name="now"/>.</summary>
    public static IQueryable<NetworkMeeting> StillOn(this IQueryable<NetworkMeeting> meetings, DateTimeOffset now) =>
        meetings.Where(meeting => meeting.CancelledAt == null && meeting.EndsAt > now);
}
