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

    public async Task<IActionResult> OnPostMoveAsync(Guid childId, Guid meetingId, [Bind(Prefix = nameof(Move))] MeetingTimeInput move, string? stamp, CancellationToken cancellationToken)
    {
        _move = move;
        if (!ModelState.IsValid)
        {
            return await ShowAsync(childId, meetingId, cancellationToken);
        }

        if (await EditAsync(childId, meetingId, stamp, cancellationToken, nameof(Move)) is not { } meeting)
        {
            return NotFound();
        }

        meeting.Move(
            DanishTime.FromDanish(move.Date!.Value, move.StartTime!.Value),
            DanishTime.FromDanish(move.Date.Value, move.EndTime!.Value),
            move.Place,
            move.OnlineLink,
            Me,
            Clock.GetUtcNow());
        await Db.SaveChangesAsync(cancellationToken);
        return Done("Meeting.Moved");
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid childId, Guid meetingId, string? stamp, CancellationToken cancellationToken)
    {
        if (await EditAsync(childId, meetingId, stamp, cancellationToken) is not { } meeting)
        {
            return NotFound();
        }

        meeting.Cancel(Me, Clock.GetUtcNow());
        await Db.SaveChangesAsync(cancellationToken);
        return Done("Meeting.CancelledMessage");
    }

    public async Task<IActionResult> OnPostAddProfessionalAsync(Guid childId, Guid meetingId, [Bind(Prefix = nameof(Professional))] ProfessionalInput professional, string? stamp, CancellationToken cancellationToken)
    {
        Professional = professional;
        if (!ModelState.IsValid)
        {
            return await ShowAsync(childId, meetingId, cancellationToken);
        }

        if (await EditAsync(childId, meetingId, stamp, cancellationToken, nameof(Professional)) is not { } meeting)
        {
            return NotFound();
        }

        meeting.AddProfessional(professional.Name!, professional.Role!, professional.Email!, Me);
        await Db.SaveChangesAsync(cancellationToken);
        return Done("Meeting.PersonAdded");
    }

    public async Task<IActionResult> OnPostAddPartnerAsync(Guid childId, Guid meetingId, [Bind(Prefix = nameof(Partner))] PartnerInput partner, string? stamp, CancellationToken cancellationToken)
    {
        Partner = partner;
        if (!ModelState.IsValid)
        {
            return await ShowAsync(childId, meetingId, cancellationToken);
        }

        if (await EditAsync(childId, meetingId, stamp, cancellationToken, nameof(Partner)) is not { } meeting
            || await consentBook.LoadAsync(AllowedChildren, childId, tracked: false, cancellationToken) is not { } consents)
        {
            return NotFound();
        }

        var service = partner.Partner!.Value;
        if (consents.Status(service, ConsentPurpose.NetworkMeetings) is { IsValid: false } status)
        {
            // Name whose answer is missing, so the caseworker knows whom to ask.
            var missing = ConsentWordings.Names(status.Missing);
            ModelState.AddModelError("Partner.Partner", Text["Meeting.ConsentMissing", Text["Partner." + service], missing]);
            return await ShowAsync(childId, meetingId, cancellationToken);
        }

        var consent = consents.Find(service, ConsentPurpose.NetworkMeetings) ?? Consent.For(childId, service, ConsentPurpose.NetworkMeetings);
        meeting.AddPartnerService(consent, consents.Required, partner.ContactName!, partner.Email!, Me, Clock.GetUtcNow());
        await Db.SaveChangesAsync(cancellationToken);
        return Done("Meeting.PersonAdded");
    }

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
}
