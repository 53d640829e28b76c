using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Data;
using Portal.Domain.Meetings;

namespace Portal.Pages.Meetings;

/// <summary>Change the details of a suggestion: the one who made it, or the young person.</summary>
public sealed class EditSuggestionModel(PortalDbContext db, IStringLocalizer<SharedResource> text, TimeProvider clock)
    : FamilyMeetingPage(db, text, clock)
{
    public SuggestionInput Suggestion { get; private set; } = new();

    public NetworkParticipant Person { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid childId, Guid meetingId, Guid participantId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(childId, meetingId, cancellationToken) || Find(participantId) is not { } person || !People.MayEdit(person))
        {
            return NotFound();
        }

        Person = person;
        Suggestion = new SuggestionInput { Name = person.Name, Relation = person.Relation, Email = person.Email, Phone = person.Phone, Why = People.ShowsWhy(person) ? person.Why : null };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid childId, Guid meetingId, Guid participantId, [Bind(Prefix = nameof(Suggestion))] SuggestionInput suggestion, string? stamp, CancellationToken cancellationToken)
    {
        Suggestion = suggestion;
        var result = await ChangeAsync(childId, meetingId, stamp, nameof(Suggestion), "Meeting.SuggestionSaved", (meeting, _, _, member) =>
            meeting.EditSuggestion(participantId, suggestion.Name!, suggestion.Relation, suggestion.Email, suggestion.Phone, suggestion.Why, member), cancellationToken);
        if (result is RedirectToPageResult)
        {
            return RedirectToPage("Meeting", new { childId, meetingId });
        }

        if (result is PageResult && Find(participantId) is { } person)
        {
            Person = person;
        }

        return Person is null && result is PageResult ? NotFound() : result;
    }

    private NetworkParticipant? Find(Guid participantId) =>
        View.Meeting.Participants.FirstOrDefault(person => person.Id == participantId && person.Decision != ParticipantDecision.Withdrawn);
}
