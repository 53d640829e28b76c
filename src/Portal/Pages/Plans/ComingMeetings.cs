using Portal.Domain.Meetings;

namespace Portal.Pages.Plans;

/// <summary>
/// The meetings ahead for a child, in date order, each saying what it is: the meeting about the plan (set by the
/// caseworker on the plan) and the next network meeting. One list, so a family does not have to guess which
/// "next meeting" to go to.
/// </summary>
public sealed record ComingMeetings(Guid ChildId, bool IsYoungPerson, IReadOnlyList<ComingMeeting> Meetings)
{
    public static ComingMeetings For(PlanView view, NetworkMeeting? networkMeeting, bool isYoungPerson, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(view);
        var meetings = new List<ComingMeeting>();
        if (view.Plan.NextMeetingAt is { } planMeeting && planMeeting >= now)
        {
            meetings.Add(new ComingMeeting(planMeeting, view.Plan.NextMeetingPlace, null));
        }

        if (networkMeeting is not null)
        {
            meetings.Add(new ComingMeeting(networkMeeting.StartsAt, networkMeeting.Place ?? networkMeeting.OnlineLink, networkMeeting));
        }

        return new ComingMeetings(view.ChildId, isYoungPerson, [.. meetings.OrderBy(meeting => meeting.At)]);
    }
}

/// <summary>A meeting ahead: the plan's own meeting when <see cref="Network"/> is null, otherwise that network meeting.</summary>
public sealed record ComingMeeting(DateTimeOffset At, string? Place, NetworkMeeting? Network);

/// <summary>Options a page gives the shared plan view (<c>_PlanView</c>) through its view data.</summary>
public static class PlanViewOptions
{
    /// <summary>True when the page lists the meetings above the plan, so the plan does not show its meeting again.</summary>
    public const string MeetingsShownAbove = "Plan.MeetingsShownAbove";
}
