using Portal.Domain.Meetings;

namespace Portal.Pages.Meetings;

/// <summary>When, where and why, and the calendar file: the same on the family's, the caseworker's and the invitee's page.</summary>
public sealed record MeetingDetails(NetworkMeeting Meeting, string CalendarLink);
