using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Consents;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Consents;
using Portal.Domain.Families;
using Portal.Identity;
using Portal.Pages.Meetings;

namespace Portal.Pages.Staff.Cases.Meetings;

/// <summary>
/// One network meeting as the caseworker runs it: who is coming and who chose them, adding professionals and, with
/// consent, a partner service; moving or cancelling it. Every change sends the calendar mail it causes.
/// </summary>
public sealed class MeetingModel(PortalDbContext db, ConsentBook consentBook, IStringLocalizer<SharedResource> text, TimeProvider clock)
    : MeetingPage(db, text, clock)
{
    private MeetingTimeInput? _move;

    /// <summary>The move form: what the caseworker typed after a refusal, otherwise the meeting's time and place now.</summary>
    public MeetingTimeInput Move => _move ??= Current(View.Meeting);

    public ProfessionalInput Professional { get; private set; } = new();

    public PartnerInput Partner { get; private set; } = new();

    public SuggestionInput Suggestion { get; private set; } = new();

    protected override IQueryable<Child> AllowedChildren => Db.Children.AssignedTo(User.UserId());

    public Task<IActionResult> OnGetAsync(Guid childId, Guid meetingId, CancellationToken cancellationToken) => ShowAsync(childId, meetingId, cancellationToken);

    public Task<IActionResult> OnPostMoveAsync(Guid childId, Guid meetingId, [Bind(Prefix = nameof(Move))] MeetingTimeInput move, string? stamp, CancellationToken cancellationToken)
    {
        _move = move;
        return ChangeAsync(childId, meetingId, stamp, nameof(Move), "Meeting.Moved", (meeting, _, now, caseworker) => meeting.Move(
            DanishTime.FromDanish(move.Date!.Value, move.StartTime!.Value),
            DanishTime.FromDanish(move.Date.Value, move.EndTime!.Value),
            move.Place,
            move.OnlineLink,
            caseworker,
            now), cancellationToken);
    }

    public Task<IActionResult> OnPostCancelAsync(Guid childId, Guid meetingId, string? stamp, CancellationToken cancellationToken) =>
        ChangeAsync(childId, meetingId, stamp, string.Empty, "Meeting.CancelledMessage", (meeting, _, now, caseworker) => meeting.Cancel(caseworker, now), cancellationToken);

    public Task<IActionResult> OnPostAddProfessionalAsync(Guid childId, Guid meetingId, [Bind(Prefix = nameof(Professional))] ProfessionalInput professional, string? stamp, CancellationToken cancellationToken)
    {
        Professional = professional;
        return ChangeAsync(childId, meetingId, stamp, nameof(Professional), "Meeting.PersonAdded", (meeting, _, _, caseworker) =>
            meeting.AddProfessional(professional.Name!, professional.Role!, professional.Email!, caseworker), cancellationToken);
    }

    public async Task<IActionResult> OnPostAddPartnerAsync(Guid childId, Guid meetingId, [Bind(Prefix = nameof(Partner))] PartnerInput partner, string? stamp, CancellationToken cancellationToken)
    {
        Partner = partner;
        if (ModelState.IsValid && await MissingConsentAsync(childId, partner.Partner!.Value, cancellationToken) is { } missing)
        {
            ModelState.AddModelError("Partner.Partner", missing);
        }

        return await ChangeAsync(childId, meetingId, stamp, nameof(Partner), "Meeting.PersonAdded", async (meeting, _, now, caseworker) =>
        {
            // Checked again inside the transaction: a consent withdrawn a moment ago must stop this.
            var consents = await consentBook.LoadAsync(AllowedChildren, childId, tracked: false, cancellationToken);
            var consent = consents!.Find(partner.Partner!.Value, ConsentPurpose.NetworkMeetings) ?? Consent.For(childId, partner.Partner.Value, ConsentPurpose.NetworkMeetings);
            meeting.AddPartnerService(consent, consents.Required, partner.ContactName!, partner.Email!, caseworker, now);
        }, cancellationToken);
    }

    public Task<IActionResult> OnPostSuggestAsync(Guid childId, Guid meetingId, [Bind(Prefix = nameof(Suggestion))] SuggestionInput suggestion, string? stamp, CancellationToken cancellationToken)
    {
        Suggestion = suggestion;
        return ChangeAsync(childId, meetingId, stamp, nameof(Suggestion), "Meeting.Suggested", (meeting, _, _, caseworker) =>
            meeting.SuggestFromNetwork(suggestion.Name!, suggestion.Relation, suggestion.Email, suggestion.Phone, suggestion.Why, caseworker), cancellationToken);
    }

    public Task<IActionResult> OnPostWithdrawAsync(Guid childId, Guid meetingId, Guid participantId, string? stamp, CancellationToken cancellationToken) =>
        ChangeAsync(childId, meetingId, stamp, string.Empty, "Meeting.PersonRemoved", (meeting, _, _, caseworker) => meeting.Withdraw(participantId, caseworker), cancellationToken);

    private static MeetingTimeInput Current(Domain.Meetings.NetworkMeeting meeting)
    {
        var (start, end) = (DanishTime.ToDanish(meeting.StartsAt), DanishTime.ToDanish(meeting.EndsAt));
        return new MeetingTimeInput
        {
            Date = DateOnly.FromDateTime(start.DateTime),
            StartTime = TimeOnly.FromDateTime(start.DateTime),
            EndTime = TimeOnly.FromDateTime(end.DateTime),
            Place = meeting.Place,
            OnlineLink = meeting.OnlineLink,
        };
    }

    /// <summary>Names who has not given consent, in words for the caseworker; null when the consent is valid now.</summary>
    private async Task<string?> MissingConsentAsync(Guid childId, PartnerService partner, CancellationToken cancellationToken)
    {
        var consents = await consentBook.LoadAsync(AllowedChildren, childId, tracked: false, cancellationToken);
        if (consents is null)
        {
            return null;
        }

        var status = consents.Status(partner, ConsentPurpose.NetworkMeetings);
        return status.IsValid ? null : Text["Meeting.ConsentMissing", Text["Partner." + partner], string.Join(", ", status.Missing.Select(party => party.Name))].Value;
    }
}
