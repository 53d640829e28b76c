using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Meetings;
using Portal.Identity;
using Portal.Meetings;
using Portal.Pages.Forms;
using Portal.Pages.Meetings;

namespace Portal.Pages.Staff.Cases.Meetings;

/// <summary>The child's network meetings, and a form to hold a new one.</summary>
public sealed class IndexModel(PortalDbContext db, MeetingDesk desk, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public ScheduleInput Input { get; set; } = new();

    public Guid ChildId { get; private set; }

    public string ChildName { get; private set; } = string.Empty;

    public IReadOnlyList<NetworkMeeting> Meetings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid childId, CancellationToken cancellationToken) =>
        await LoadAsync(childId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid childId, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            try
            {
                var meetingId = await desk.ScheduleAsync(db.Children.AssignedTo(User.UserId()), childId, Input.MeetingId, (child, now) => NetworkMeeting.Schedule(
                    Input.MeetingId,
                    child.Id,
                    child.YouthUserId is not null,
                    DanishTime.FromDanish(Input.Date!.Value, Input.StartTime!.Value),
                    DanishTime.FromDanish(Input.Date.Value, Input.EndTime!.Value),
                    Input.Place,
                    Input.OnlineLink,
                    Input.Purpose!,
                    User.ToActor(),
                    now), cancellationToken);
                if (meetingId is null)
                {
                    return NotFound();
                }

                TempData["StatusMessage"] = text["Meeting.Scheduled"].Value;
                return RedirectToPage("Meeting", new { childId, meetingId });
            }
            catch (DomainException exception)
            {
                ModelState.AddDomainError(text, exception, MeetingFields.For(exception, "Input"));
            }
        }

        return await LoadAsync(childId, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid childId, CancellationToken cancellationToken)
    {
        if (await desk.ListAsync(db.Children.AssignedTo(User.UserId()), childId, cancellationToken) is not { } found)
        {
            return false;
        }

        (ChildId, ChildName, Meetings) = (found.Child.Id, found.Child.Name, found.Meetings);
        return true;
    }
}
