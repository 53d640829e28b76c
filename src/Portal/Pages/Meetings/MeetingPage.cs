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
/// see; and for a change, the meeting loaded the same way, as the user saw it. A handler makes one domain change, saves
/// (the calendar mail it causes is added by the save) and redirects; a refusal (see <see cref="RefusedChanges"/>) shows
/// the page again with the message and the user's own text kept.
/// </summary>
public abstract class MeetingPage(PortalDbContext db, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel, IRefusablePage
{
    private (Guid ChildId, Guid MeetingId) _editing;
    private string _formPrefix = string.Empty;

    public MeetingView View { get; private set; } = null!;

    public PeopleView People { get; private set; } = null!;

    public string ChildFirstName => View.Child.FirstName;

    public string ChangedMeanwhileKey => "Meeting.ChangedMeanwhile";

    protected IStringLocalizer<SharedResource> Text => text;

    protected PortalDbContext Db => db;

    protected TimeProvider Clock => clock;

    /// <summary>Who the user is in the case of the meeting being changed (set by <see cref="EditAsync"/>).</summary>
    protected Actor Me { get; private set; } = null!;

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

    protected virtual async Task<IActionResult> ShowAsync(Guid childId, Guid meetingId, CancellationToken cancellationToken) =>
        await LoadAsync(childId, meetingId, cancellationToken) ? Page() : NotFound();

    /// <summary>
    /// The meeting to change, as the user saw it: its save is refused if somebody changed the meeting after the form
    /// was drawn (the form's stamp). Null when the child or the meeting is not one this user may change.
    /// </summary>
    /// <param name="formPrefix">The posted form's prefix, so a refusal is shown next to the field it is about.</param>
    protected async Task<NetworkMeeting?> EditAsync(Guid childId, Guid meetingId, string? stamp, CancellationToken cancellationToken, string formPrefix = "")
    {
        var child = await AllowedChildren.AsNoTracking().FirstOrDefaultAsync(item => item.Id == childId, cancellationToken);
        var meeting = child is null ? null : await db.NetworkMeetings.FirstOrDefaultAsync(item => item.Id == meetingId && item.ChildId == childId, cancellationToken);
        if (child is null || meeting is null)
        {
            return null;
        }

        if (stamp is not null)
        {
            db.Entry(meeting).Property(item => item.ConcurrencyStamp).OriginalValue = stamp;
        }

        if (child.YouthUserId is not null)
        {
            meeting.NoteChildHasOwnLogin();
        }

        (_editing, _formPrefix, Me) = ((childId, meetingId), formPrefix, ActorFor(child));
        return meeting;
    }

    /// <summary>After the save: back to the meeting, with what was done.</summary>
    protected RedirectToPageResult Done(string doneKey, string? pageName = null, object? routeValues = null)
    {
        TempData["StatusMessage"] = text[doneKey].Value;
        return RedirectToPage(pageName, routeValues);
    }

    public string FieldFor(DomainException refusal) => MeetingFields.For(refusal, _formPrefix);

    public Task<IActionResult> ShowAgainAsync(CancellationToken cancellationToken) =>
        ShowAsync(_editing.ChildId, _editing.MeetingId, cancellationToken);
}
