using System.Text;
using Microsoft.AspNetCore.Mvc;
using Portal.Calendar;
using Portal.Domain.Meetings;

namespace Portal.Pages.Meetings;

/// <summary>One meeting as a calendar file to open or save: the same UID as the invitations, so it updates, not duplicates.</summary>
public static class CalendarFile
{
    public static FileContentResult For(NetworkMeeting meeting, string title, DateTimeOffset now) =>
        new(Encoding.UTF8.GetBytes(MeetingCalendar.Published([(meeting, title)], title, now)), "text/calendar; charset=utf-8")
        {
            FileDownloadName = "netvaerksmoede.ics",
        };
}
