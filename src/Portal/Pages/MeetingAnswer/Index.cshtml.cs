using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Families;
using Portal.Domain.Meetings;
using Portal.Meetings;
using Portal.Pages.Forms;
using Portal.Pages.Meetings;

namespace Portal.Pages.MeetingAnswer;

/// <summary>
/// An invitee without an account answers yes or no through the personal link in their invitation. The link is the only
/// key: it shows this person's meeting and nothing else, and stops working once they are removed or the meeting is over.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(Portal.Security.SecuritySetup.LinkPolicy)]
public sealed class IndexModel(PortalDbContext db, AnswerLinks links, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel, IRefusablePage
{
    private string _token = string.Empty;

    public NetworkMeeting? Meeting { get; private set; }

    public NetworkParticipant? Person { get; private set; }

    public string ChildFirstName { get; private set; } = string.Empty;

    public string ChangedMeanwhileKey => "Meeting.ChangedMeanwhile";

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        await LoadAsync(token, tracked: false, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetCalendarAsync(string token, CancellationToken cancellationToken) =>
        await LoadAsync(token, tracked: false, cancellationToken)
            ? CalendarFile.For(Meeting!, text["Meeting.CalendarTitle", ChildFirstName], clock.GetUtcNow())
            : NotFound();

    public async Task<IActionResult> OnPostAsync(string token, bool coming, CancellationToken cancellationToken)
    {
        _token = token;
        if (!await LoadAsync(token, tracked: true, cancellationToken))
        {
            return Page();
        }

        Meeting!.Answer(Person!.Id, links.Read(token)!.Revision, coming, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = text[coming ? "Meeting.AnswerComing" : "Meeting.AnswerNotComing"].Value;
        return RedirectToPage(new { token });
    }

    public async Task<IActionResult> ShowAgainAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(_token, tracked: false, cancellationToken);
        return Page();
    }

    /// <summary>True when the link still works; otherwise the page explains that it does not, and shows nothing of the meeting.</summary>
    private async Task<bool> LoadAsync(string token, bool tracked, CancellationToken cancellationToken)
    {
        if (links.Read(token) is not { } link)
        {
            return false;
        }

        var meetings = tracked ? db.NetworkMeetings : db.NetworkMeetings.AsNoTracking();
        var meeting = await meetings.FirstOrDefaultAsync(item => item.Id == link.MeetingId, cancellationToken);
        var person = meeting?.Participants.FirstOrDefault(item => item.Id == link.ParticipantId && item.IsInvited && item.Revision == link.Revision);
        if (meeting is null || person is null || meeting.IsCancelled || meeting.EndsAt <= clock.GetUtcNow())
        {
            return false;
        }

        var childName = await db.Children.AsNoTracking().Where(child => child.Id == meeting.ChildId).Select(child => child.Name).FirstAsync(cancellationToken);
        (Meeting, Person, ChildFirstName) = (meeting, person, Child.FirstNameOf(childName));
        return true;
    }
}
