using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Families;
using Portal.Domain.Meetings;
using Portal.Email;
using Portal.Identity;
using Portal.Meetings;
using Portal.Pages.Forms;

namespace Portal.Pages.Meetings;

/// <summary>
/// What the family's and the caseworker's meeting pages share: load the meeting through the children the user may see,
/// make one change, and on a refusal show the page again with the message and the user's own text kept.
/// </summary>
public abstract class MeetingPage(PortalDbContext db, MeetingDesk desk, IStringLocalizer<SharedResource> text) : PageModel
{
    public MeetingView View { get; private set; } = null!;

    public PeopleView People { get; private set; } = null!;

    public string ChildFirstName => View.Child.FirstName;

    protected IStringLocalizer<SharedResource> Text => text;

    protected PortalDbContext Db => db;

    /// <summary>The children this user may open meetings for; an id outside it is "not found".</summary>
    protected abstract IQueryable<Child> AllowedChildren { get; }

    /// <summary>Who the user is in this child's case; a family page decides it from the child, not from the login's role.</summary>
    protected virtual Actor ActorFor(Child child) => User.ToActor();

    protected async Task<bool> LoadAsync(Guid childId, Guid meetingId, CancellationToken cancellationToken)
    {
        if (await desk.LoadAsync(AllowedChildren, childId, meetingId, cancellationToken) is not { } view)
        {
            return false;
        }

        var suggesters = view.Meeting.Participants.Select(person => person.SuggestedByUserId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(user => suggesters.Contains(user.Id)).ToDictionaryAsync(user => user.Id, user => user.DisplayName, cancellationToken);
        var viewer = ActorFor(view.Child);
        var deliveries = viewer.IsStaff
            ? await db.OutboxMessages.LatestAsync([.. view.Meeting.Participants.Select(person => person.Id)], cancellationToken)
            : null;
        View = view;
        People = new PeopleView(view.Meeting, view.Child.FirstName, names, viewer, view.Meeting.ConcurrencyStamp, deliveries);
        return true;
    }

    protected async Task<IActionResult> ShowAsync(Guid childId, Guid meetingId, CancellationToken cancellationToken) =>
        await LoadAsync(childId, meetingId, cancellationToken) ? Page() : NotFound();

    protected Task<IActionResult> ChangeAsync(Guid childId, Guid meetingId, string? stamp, string formPrefix, string doneKey, Action<NetworkMeeting, Child, DateTimeOffset, Actor> change, CancellationToken cancellationToken) =>
        ChangeAsync(childId, meetingId, stamp, formPrefix, doneKey, (meeting, child, now, actor) =>
        {
            change(meeting, child, now, actor);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <param name="formPrefix">The posted form's prefix, so a refusal is shown next to the field it is about.</param>
    protected async Task<IActionResult> ChangeAsync(Guid childId, Guid meetingId, string? stamp, string formPrefix, string doneKey, Func<NetworkMeeting, Child, DateTimeOffset, Actor, Task> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (ModelState.IsValid)
        {
            var result = await desk.ChangeAsync(AllowedChildren, childId, meetingId, stamp, (meeting, child, now) => change(meeting, child, now, ActorFor(child)), cancellationToken);
            if (result.WasNotFound)
            {
                return NotFound();
            }

            if (result.Succeeded)
            {
                TempData["StatusMessage"] = text[doneKey].Value;
                return RedirectToPage();
            }

            if (result.WasChangedMeanwhile)
            {
                ModelState.AddModelError(string.Empty, text["Meeting.ChangedMeanwhile"]);
            }
            else
            {
                ModelState.AddDomainError(text, result.Refusal!, MeetingFields.For(result.Refusal!, formPrefix));
            }
        }

        return await ShowAsync(childId, meetingId, cancellationToken);
    }
}
