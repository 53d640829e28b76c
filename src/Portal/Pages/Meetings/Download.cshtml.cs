using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Data;

namespace Portal.Pages.Meetings;

/// <summary>The meeting as a calendar file for the family.</summary>
public sealed class DownloadModel(PortalDbContext db, IStringLocalizer<SharedResource> text, TimeProvider clock)
    : FamilyMeetingPage(db, text, clock)
{
    public async Task<IActionResult> OnGetAsync(Guid childId, Guid meetingId, CancellationToken cancellationToken) =>
        await LoadAsync(childId, meetingId, cancellationToken)
            ? CalendarFile.For(View.Meeting, Text["Meeting.CalendarTitle", ChildFirstName], Clock.GetUtcNow())
            : NotFound();
}
