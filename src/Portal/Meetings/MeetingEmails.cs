using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using Portal.Domain;
using Portal.Domain.Meetings;
using Portal.Email;

namespace Portal.Meetings;

/// <summary>
/// The invitation, update and cancellation a network-meeting invitee gets, and the family's word on a meeting, each in
/// the language <see cref="MailLanguage"/> sets for its recipient.
/// </summary>
public sealed class MeetingEmails(IStringLocalizer<MeetingEmails> text)
{
    public string Title(string childFirstName) => text["Title", childFirstName].Value;

    public EmailMessage For(DueNotice notice, NetworkMeeting meeting, string childFirstName, string answerLink, CalendarPart calendar)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(meeting);
        var when = When(meeting);
        var cancelled = notice.Notice == CalendarNotice.Cancellation;
        var subject = cancelled
            ? text["SubjectCancelled", childFirstName, when]
            : notice.Sequence == 0 || notice.Participant.SentSequence is null || notice.Participant.SentCancellation
                ? text["SubjectInvitation", childFirstName, when]
                : text["SubjectMoved", childFirstName, when];
        var lines = new List<string> { text["Greeting", notice.Participant.Name] };
        if (cancelled)
        {
            lines.Add(meeting.IsCancelled ? text["Cancelled", childFirstName, when] : text["NoLongerInvited", childFirstName, when]);
            lines.Add(text["CalendarRemoves"]);
        }
        else
        {
            lines.Add(notice.Participant.Kind is ParticipantKind.PrivateNetwork or ParticipantKind.SupportPerson
                ? text["ChosenByChild", childFirstName]
                : text["Invited", childFirstName]);
            AddTimeAndPlace(lines, meeting, when);

            lines.Add(text["Purpose", meeting.Purpose]);
            lines.Add(text["Answer", answerLink]);
            lines.Add(text["CalendarAttached"]);
        }

        return Message(notice.Participant.Email!, subject, lines, calendar);
    }

    /// <summary>To a parent or the young person with an account: the meeting was planned, moved or cancelled.</summary>
    public EmailMessage ForFamily(string to, string name, FamilyNotice notice, NetworkMeeting meeting, string childFirstName, bool isTheYoungPerson, string meetingLink, CalendarPart calendar)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var when = When(meeting);
        var subject = notice switch
        {
            FamilyNotice.Scheduled => text["SubjectInvitation", childFirstName, when],
            FamilyNotice.Moved => text["SubjectMoved", childFirstName, when],
            _ => text["SubjectCancelled", childFirstName, when],
        };
        var lines = new List<string> { text["Greeting", name] };
        if (notice == FamilyNotice.Cancelled)
        {
            lines.Add(text["Cancelled", childFirstName, when]);
            lines.Add(text["CalendarRemoves"]);
        }
        else
        {
            lines.Add(notice == FamilyNotice.Moved
                ? text["FamilyMoved", childFirstName]
                : isTheYoungPerson ? text["FamilyScheduledYours"] : text["FamilyScheduled", childFirstName]);
            AddTimeAndPlace(lines, meeting, when);

            lines.Add(isTheYoungPerson ? text["FamilyChooseYours", meetingLink] : text["FamilySee", meetingLink]);
            lines.Add(text["CalendarAttached"]);
        }

        return Message(to, subject, lines, calendar);
    }

    private void AddTimeAndPlace(List<string> lines, NetworkMeeting meeting, string when)
    {
        lines.Add(text["When", when]);
        if (meeting.Place is not null)
        {
            lines.Add(text["Where", meeting.Place]);
        }

        if (meeting.OnlineLink is not null)
        {
            lines.Add(text["Online", meeting.OnlineLink]);
        }
    }

    private EmailMessage Message(string to, string subject, List<string> lines, CalendarPart calendar)
    {
        lines.Add(text["Signature"]);
        var encode = HtmlEncoder.Default;
        var html = string.Concat(lines.Select(line => $"<p>{encode.Encode(line)}</p>\n"));
        return new EmailMessage(to, subject, string.Join("\n\n", lines) + "\n", html, calendar);
    }

    private static string When(NetworkMeeting meeting) => $"{Localization.Dates.Time(meeting.StartsAt)}–{Localization.Dates.Clock(meeting.EndsAt)}";
}

/// <summary>What the family is told about a meeting by email.</summary>
public enum FamilyNotice
{
    Scheduled,
    Moved,
    Cancelled,
}
