using Ical.Net;
using Portal.Calendar;
using Portal.Domain;
using Portal.Domain.Meetings;

namespace Portal.Tests.Calendar;

/// <summary>The invitation files, parsed back with Ical.Net as a calendar app would read them.</summary>
public sealed class MeetingCalendarTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Caseworker = new("cw", "Lars Holm", ActorRole.Caseworker);

    [Fact]
    public void An_invitation_is_a_request_with_a_stable_uid_and_sequence_0()
    {
        var meeting = Schedule(new DateOnly(2027, 3, 20), new TimeOnly(15, 0));

        var calendar = Ical.Net.Calendar.Load(MeetingCalendar.For(meeting, "Netværksmøde om Emma", "no-reply@familieportalen.example", "mormor@example.dk", Now))!;

        Assert.Equal("REQUEST", calendar.Method);
        var invitation = Assert.Single(calendar.Events);
        Assert.Equal(MeetingCalendar.Uid(meeting), invitation.Uid);
        Assert.Equal(0, invitation.Sequence);
        Assert.Equal("Familiehuset, Skolegade 4", invitation.Location);
        Assert.Equal("mailto:mormor@example.dk", invitation.Attendees.Single().Value?.ToString());
    }

    [Fact]
    public void Times_are_right_on_both_sides_of_the_last_Sunday_of_March()
    {
        // 10:00 in Copenhagen is 09:00 UTC on Saturday 27 March 2027, and 08:00 UTC on Sunday 28 March (summer time).
        var saturday = Parse(Schedule(new DateOnly(2027, 3, 27), new TimeOnly(10, 0)));
        var sunday = Parse(Schedule(new DateOnly(2027, 3, 28), new TimeOnly(10, 0)));

        Assert.Equal(new DateTime(2027, 3, 27, 9, 0, 0, DateTimeKind.Utc), saturday.DtStart!.AsUtc);
        Assert.Equal(new DateTime(2027, 3, 28, 8, 0, 0, DateTimeKind.Utc), sunday.DtStart!.AsUtc);
        Assert.Equal(new DateTime(2027, 3, 28, 9, 30, 0, DateTimeKind.Utc), sunday.DtEnd!.AsUtc);
        Assert.Equal("Europe/Copenhagen", sunday.DtStart.TzId);
    }

    [Fact]
    public void A_move_raises_the_sequence_and_a_cancellation_is_a_cancel_of_the_same_event()
    {
        var meeting = Schedule(new DateOnly(2027, 3, 20), new TimeOnly(15, 0));
        var uid = MeetingCalendar.Uid(meeting);

        meeting.Move(DanishTime.FromDanish(new DateOnly(2027, 3, 28), new TimeOnly(10, 0)), DanishTime.FromDanish(new DateOnly(2027, 3, 28), new TimeOnly(11, 0)), "Rådhuset", null, Caseworker, Now);
        var moved = Parse(meeting);
        meeting.Cancel(Caseworker, Now);
        var cancelled = Ical.Net.Calendar.Load(MeetingCalendar.For(meeting, "Netværksmøde", "no-reply@familieportalen.example", "mormor@example.dk", Now))!;

        Assert.Equal((uid, 1, "Rådhuset"), (moved.Uid, moved.Sequence, moved.Location));
        Assert.Equal("CANCEL", cancelled.Method);
        var cancellation = Assert.Single(cancelled.Events);
        Assert.Equal((uid, 2, EventStatus.Cancelled), (cancellation.Uid, cancellation.Sequence, cancellation.Status));
    }

    private static NetworkMeeting Schedule(DateOnly day, TimeOnly start) =>
        NetworkMeeting.Schedule(
            Guid.NewGuid(),
            childHasOwnLogin: true,
            DanishTime.FromDanish(day, start),
            DanishTime.FromDanish(day, start.AddMinutes(90)),
            "Familiehuset, Skolegade 4",
            null,
            "Vi taler om skolen",
            Caseworker,
            Now);

    private static Ical.Net.CalendarComponents.CalendarEvent Parse(NetworkMeeting meeting) =>
        Ical.Net.Calendar.Load(MeetingCalendar.For(meeting, "Netværksmøde", "no-reply@familieportalen.example", "mormor@example.dk", Now))!.Events.Single();
}
