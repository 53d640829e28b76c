using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
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
public sealed class IndexModel(PortalDbContext db, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel, IRefusablePage
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
        var child = await db.Children.AssignedTo(User.UserId()).AsNoTracking().FirstOrDefaultAsync(item => item.Id == childId, cancellationToken);
        if (child is null)
        {
            return NotFound();
        }

        ChildId = child.Id;
        if (!ModelState.IsValid)
        {
            return await ShowAgainAsync(cancellationToken);
        }

        // The id comes with the form: when the same form arrives twice, the meeting it already made is the answer.
        // An id that belongs to another child's meeting finds nothing.
        if (await db.NetworkMeetings.Where(item => item.Id == Input.MeetingId).Select(item => (Guid?)item.ChildId).FirstOrDefaultAsync(cancellationToken) is { } owner)
        {
            return owner == childId ? Scheduled(childId) : NotFound();
        }

        db.NetworkMeetings.Add(NetworkMeeting.Schedule(
            Input.MeetingId,
            child.Id,
            child.YouthUserId is not null,
            DanishTime.FromDanish(Input.Date!.Value, Input.StartTime!.Value),
            DanishTime.FromDanish(Input.Date.Value, Input.EndTime!.Value),
            Input.Place,
            Input.OnlineLink,
            Input.Purpose!,
            User.ToActor(),
            clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return Scheduled(childId);
    }

    public string FieldFor(DomainException refusal) => MeetingFields.For(refusal, "Input");

    public async Task<IActionResult> ShowAgainAsync(CancellationToken cancellationToken) =>
        await LoadAsync(ChildId, cancellationToken) ? Page() : NotFound();

    private RedirectToPageResult Scheduled(Guid childId)
    {
        TempData["StatusMessage"] = text["Meeting.Scheduled"].Value;
        return RedirectToPage("Meeting", new { childId, meetingId = Input.MeetingId });
    }

    private async Task<bool> LoadAsync(Guid childId, CancellationToken cancellationToken)
    {
        if (await db.Children.AssignedTo(User.UserId()).FindMeetingsAsync(db.NetworkMeetings, childId, cancellationToken) is not { } found)
        {
            return false;
        }

        (ChildId, ChildName, Meetings) = (found.Child.Id, found.Child.Name, found.Meetings);
        return true;
    }
}
