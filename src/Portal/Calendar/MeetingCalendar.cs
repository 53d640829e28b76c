using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Portal.Domain;
using Portal.Domain.Meetings;

namespace Portal.Calendar;

/// <summary>
/// The iCalendar text for network meetings, made with Ical.Net: METHOD:REQUEST for an invitation or update, METHOD:CANCEL
/// for a cancellation, and a plain calendar for downloads and feeds. The UID never changes and SEQUENCE follows the
/// meeting, so a calendar updates the one event. Times are written as Copenhagen wall-clock times with the zone's rules,
/// so they stay right across daylight-saving changes.
/// </summary>
public static class MeetingCalendar
{
    private const string ZoneId = "Europe/Copenhagen";

    public static string Uid(NetworkMeeting meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return $"{meeting.Id:N}@familieportalen";
    }

    /// <summary>The message for everyone as the meeting stands: an invitation, or the cancellation once cancelled.</summary>
    /// <param name="title">The event's title in the recipient's language.</param>
    /// <param name="organizerEmail">The portal's sending address; calendars need an organizer for a request.</param>
    public static string For(NetworkMeeting meeting, string title, string organizerEmail, string attendeeEmail, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return Message(meeting, title, organizerEmail, attendeeEmail, meeting.Sequence, meeting.IsCancelled, now);
    }

    /// <summary>The message one invitee is owed; <paramref name="cancellation"/> also for someone no longer invited.</summary>
    public static string Message(NetworkMeeting meeting, string title, string organizerEmail, string attendeeEmail, int sequence, bool cancellation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var calendar = new Ical.Net.Calendar { Method = cancellation ? "CANCEL" : "REQUEST" };
        calendar.AddTimeZone(ZoneId);
        var calendarEvent = Event(meeting, title, sequence, cancellation, now);
        calendarEvent.Organizer = new Organizer($"mailto:{organizerEmail}");
        calendarEvent.Attendees = [new Attendee($"mailto:{attendeeEmail}") { Rsvp = false, ParticipationStatus = "NEEDS-ACTION" }];
        calendar.Events.Add(calendarEvent);
        return Serialize(calendar);
    }

    /// <summary>A plain calendar (no METHOD) with the meetings, for a download or a subscribed feed.</summary>
    public static string Published(IEnumerable<(NetworkMeeting Meeting, string Title)> meetings, string calendarName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        var calendar = new Ical.Net.Calendar();
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        calendar.AddTimeZone(ZoneId);
        foreach (var (meeting, title) in meetings)
        {
            calendar.Events.Add(Event(meeting, title, meeting.Sequence, meeting.IsCancelled, now));
        }

        return Serialize(calendar);
    }

    private static CalendarEvent Event(NetworkMeeting meeting, string title, int sequence, bool cancelled, DateTimeOffset now) => new()
    {
        Uid = Uid(meeting),
        Sequence = sequence,
        DtStamp = new CalDateTime(now.UtcDateTime, "UTC"),
        DtStart = Local(meeting.StartsAt),
        DtEnd = Local(meeting.EndsAt),
        Summary = title,
        Description = meeting.OnlineLink is { } link && meeting.Place is not null ? $"{meeting.Purpose}\n\n{link}" : meeting.Purpose,
        Location = meeting.Place ?? meeting.OnlineLink,
        Status = cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
    };

    private static string Serialize(Ical.Net.Calendar calendar) =>
        new CalendarSerializer().SerializeToString(calendar) ?? throw new InvalidOperationException("Ical.Net returned no text.");

    private static CalDateTime Local(DateTimeOffset instant) =>
        new(DateTime.SpecifyKind(DanishTime.ToDanish(instant).DateTime, DateTimeKind.Unspecified), ZoneId);
}
