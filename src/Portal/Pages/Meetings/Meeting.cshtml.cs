using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Data;
using Portal.Domain;

namespace Portal.Pages.Meetings;

/// <summary>
/// A network meeting as the family sees it. The young person suggests people from their own network, answers yes or
/// no to everyone else's suggestions, and may name a support person; a parent suggests, and for a child without a login
/// of their own, their suggestions stand.
/// </summary>
public sealed class MeetingModel(PortalDbContext db, IStringLocalizer<SharedResource> text, TimeProvider clock)
    : FamilyMeetingPage(db, text, clock)
{
    public SuggestionInput Suggestion { get; private set; } = new();

    public SupportPersonInput Support { get; private set; } = new();

    public bool IsYoungPerson => People.IsYoungPerson;

    public Task<IActionResult> OnGetAsync(Guid childId, Guid meetingId, CancellationToken cancellationToken) => ShowAsync(childId, meetingId, cancellationToken);

    public async Task<IActionResult> OnPostSuggestAsync(Guid childId, Guid meetingId, [Bind(Prefix = nameof(Suggestion))] SuggestionInput suggestion, string? stamp, CancellationToken cancellationToken)
    {
        Suggestion = suggestion;
        if (!ModelState.IsValid)
        {
            return await ShowAsync(childId, meetingId, cancellationToken);
        }

        if (await EditAsync(childId, meetingId, stamp, cancellationToken, nameof(Suggestion)) is not { } meeting)
        {
            return NotFound();
        }

        meeting.SuggestFromNetwork(suggestion.Name!, suggestion.Relation, suggestion.Email, suggestion.Phone, suggestion.Why, Me);
        await Db.SaveChangesAsync(cancellationToken);
        return Done("Meeting.Suggested");
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid childId, Guid meetingId, Guid participantId, bool yes, string? stamp, CancellationToken cancellationToken)
    {
        if (await EditAsync(childId, meetingId, stamp, cancellationToken) is not { } meeting)
        {
            return NotFound();
        }

        meeting.Decide(participantId, yes, Me);
        await Db.SaveChangesAsync(cancellationToken);
        return Done(yes ? "Meeting.SaidYes" : "Meeting.SaidNo");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid childId, Guid meetingId, Guid participantId, string? stamp, CancellationToken cancellationToken)
    {
        if (await EditAsync(childId, meetingId, stamp, cancellationToken) is not { } meeting)
        {
            return NotFound();
        }

        meeting.Withdraw(participantId, Me);
        await Db.SaveChangesAsync(cancellationToken);
        return Done("Meeting.PersonRemoved");
    }

    public async Task<IActionResult> OnPostSupportAsync(Guid childId, Guid meetingId, [Bind(Prefix = nameof(Support))] SupportPersonInput support, string? stamp, CancellationToken cancellationToken)
    {
        Support = support;
        if (!ModelState.IsValid)
        {
            return await ShowAsync(childId, meetingId, cancellationToken);
        }

        if (await EditAsync(childId, meetingId, stamp, cancellationToken, nameof(Support)) is not { } meeting)
        {
            return NotFound();
        }

        meeting.NameSupportPerson(support.Name!, support.Email, support.Phone, support.Born!.Value, DanishTime.Today(Clock), Me);
        await Db.SaveChangesAsync(cancellationToken);
        return Done("Meeting.SupportNamed");
    }
}
