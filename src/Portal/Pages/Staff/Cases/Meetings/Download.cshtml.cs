using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Data;
using Portal.Domain.Families;
using Portal.Identity;
using Portal.Pages.Meetings;

namespace Portal.Pages.Staff.Cases.Meetings;

/// <summary>The meeting as a calendar file for the caseworker.</summary>
public sealed class DownloadModel(PortalDbContext db, IStringLocalizer<SharedResource> text, TimeProvider clock)
    : MeetingPage(db, text, clock)
{
    protected override IQueryable<Child> AllowedChildren => Db.Children.AssignedTo(User.UserId());

    public async Task<IActionResult> OnGetAsync(Guid childId, Guid meetingId, CancellationToken cancellationToken) =>
        await LoadAsync(childId, meetingId, cancellationToken)
            ? CalendarFile.For(View.Meeting, Text["Meeting.CalendarTitle", ChildFirstName], Clock.GetUtcNow())
            : NotFound();
}
