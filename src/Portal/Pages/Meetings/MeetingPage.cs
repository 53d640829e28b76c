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
/// What the family's and the caseworker's meeting pages share: show the meeting found through the children the user may
/// see; and for a change, load it the same way, make one domain change, save (the calendar mail it causes is added by
/// the save) and redirect; on a refusal show the page again with the message and the user's own text kept.
/// </summary>
public abstract class MeetingPage(PortalDbContext db, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel
{
    public MeetingView View { get; private set; } = null!;

    public PeopleView People { get; private set; } = null!;

    public string ChildFirstName => View.Child.FirstName;

    protected IStringLocalizer<SharedResource> Text => text;

    protected PortalDbContext Db => db;

    protected TimeProvider Clock => clock;

    /// <summary>The children this user may open meetings for; an id outside it is "not found".</summary>
    protected abstract IQueryable<Child> AllowedChildren { get; }

    /// <summary>Who the user is in this child's case; a family page decides it from the child, not from the login's role.</summary>
    protected virtual Actor ActorFor(Child child) => User.ToActor();

    protected async Task<bool> LoadAsync(Guid childId, Guid meetingId, CancellationToken cancellationToken)
    {
        if (await AllowedChildren.FindMeetingAsync(db.NetworkMeetings, childId, meetingId, cancellationToken) is not { } view)
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
            var child = await AllowedChildren.AsNoTracking().FirstOrDefaultAsync(item => item.Id == childId, cancellationToken);
            var meeting = child is null ? null : await db.NetworkMeetings.FirstOrDefaultAsync(item => item.Id == meetingId && item.ChildId == childId, cancellationToken);
            if (child is null || meeting is null)
            {
                return NotFound();
            }

            if (stamp is not null && stamp != meeting.ConcurrencyStamp)
            {
                ModelState.AddModelError(string.Empty, text["Meeting.ChangedMeanwhile"]);
                return await ShowAsync(childId, meetingId, cancellationToken);
            }

            if (child.YouthUserId is not null)
            {
                meeting.NoteChildHasOwnLogin();
            }

            try
            {
                await change(meeting, child, clock.GetUtcNow(), ActorFor(child));
                await db.SaveChangesAsync(cancellationToken);
                TempData["StatusMessage"] = text[doneKey].Value;
                return RedirectToPage();
            }
            catch (DomainException exception) when (exception.Code == "Meeting.ParticipantNotFound")
            {
                return NotFound();
            }
            catch (DomainException exception)
            {
                ModelState.AddDomainError(text, exception, MeetingFields.For(exception, formPrefix));
            }
            catch (DbUpdateConcurrencyException)
            {
                ModelState.AddModelError(string.Empty, text["Meeting.ChangedMeanwhile"]);
            }
        }

        return await ShowAsync(childId, meetingId, cancellationToken);
    }
}
