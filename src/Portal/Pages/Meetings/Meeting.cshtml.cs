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

    public Task<IActionResult> OnPostSuggestAsync(Guid childId, Guid meetingId, [Bind(Prefix = nameof(Suggestion))] SuggestionInput suggestion, string? stamp, CancellationToken cancellationToken)
    {
        Suggestion = suggestion;
        return ChangeAsync(childId, meetingId, stamp, nameof(Suggestion), "Meeting.Suggested", (meeting, _, _, member) =>
            meeting.SuggestFromNetwork(suggestion.Name!, suggestion.Relation, suggestion.Email, suggestion.Phone, suggestion.Why, member), cancellationToken);
    }

    public Task<IActionResult> OnPostDecideAsync(Guid childId, Guid meetingId, Guid participantId, bool yes, string? stamp, CancellationToken cancellationToken) =>
        ChangeAsync(childId, meetingId, stamp, string.Empty, yes ? "Meeting.SaidYes" : "Meeting.SaidNo", (meeting, _, _, member) => meeting.Decide(participantId, yes, member), cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(Guid childId, Guid meetingId, Guid participantId, string? stamp, CancellationToken cancellationToken) =>
        ChangeAsync(childId, meetingId, stamp, string.Empty, "Meeting.PersonRemoved", (meeting, _, _, member) => meeting.Withdraw(participantId, member), cancellationToken);

    public Task<IActionResult> OnPostSupportAsync(Guid childId, Guid meetingId, [Bind(Prefix = nameof(Support))] SupportPersonInput support, string? stamp, CancellationToken cancellationToken)
    {
        Support = support;
        return ChangeAsync(childId, meetingId, stamp, nameof(Support), "Meeting.SupportNamed", (meeting, _, _, member) =>
            meeting.NameSupportPerson(support.Name!, support.Email, support.Phone, support.Born!.Value, DanishTime.Today(Clock), member), cancellationToken);
    }
}
