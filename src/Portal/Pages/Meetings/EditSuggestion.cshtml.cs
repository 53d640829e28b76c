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

    private Guid _participantId;

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
        _participantId = participantId;
        if (!ModelState.IsValid)
        {
            return await ShowAsync(childId, meetingId, cancellationToken);
        }

        if (await EditAsync(childId, meetingId, stamp, cancellationToken, nameof(Suggestion)) is not { } meeting)
        {
            return NotFound();
        }

        meeting.EditSuggestion(participantId, suggestion.Name!, suggestion.Relation, suggestion.Email, suggestion.Phone, suggestion.Why, Me);
        await Db.SaveChangesAsync(cancellationToken);
        return Done("Meeting.SuggestionSaved", "Meeting", new { childId, meetingId });
    }

    /// <summary>The form again, beside the suggestion as it is now; gone if it was withdrawn meanwhile.</summary>
    protected override async Task<IActionResult> ShowAsync(Guid childId, Guid meetingId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(childId, meetingId, cancellationToken) || Find(_participantId) is not { } person)
        {
            return NotFound();
        }

        Person = person;
        return Page();
    }

    private NetworkParticipant? Find(Guid participantId) =>
        View.Meeting.Participants.FirstOrDefault(person => person.Id == participantId && person.Decision != ParticipantDecision.Withdrawn);
}
