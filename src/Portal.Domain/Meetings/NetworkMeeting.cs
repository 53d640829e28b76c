using Portal.Domain.Consents;

namespace Portal.Domain.Meetings;

/// <summary>
/// A network meeting for a child's plan. The young person decides who from their private network comes, and may name a
/// support person (bisidder, Barnets lov § 6, at least 15) without anyone's approval. Staff add professionals, and a
/// partner service only while a valid consent for network meetings exists. Every move or cancellation raises
/// <see cref="Sequence"/>, so calendars update the one event.
/// </summary>
public sealed class NetworkMeeting
{
    public const int PlaceMaxLength = 200;
    public const int LinkMaxLength = 500;
    public const int PurposeMaxLength = 500;
    public const int SupportPersonMinimumAge = 15;

    private readonly List<NetworkParticipant> _participants = [];

    private NetworkMeeting(Guid id, Guid childId, bool childHasOwnLogin, string purpose)
    {
        Id = id;
        ChildId = childId;
        ChildHasOwnLogin = childHasOwnLogin;
        Purpose = purpose;
        ConcurrencyStamp = NewStamp();
    }

    // Stryker disable once all : EF Core's constructor; EF Core sets every property from the row it reads.
    private NetworkMeeting()
    {
        Purpose = ConcurrencyStamp = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ChildId { get; private set; }

    /// <summary>With their own login the young person answers every suggestion; without one, custody holders' suggestions stand.</summary>
    public bool ChildHasOwnLogin { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset EndsAt { get; private set; }

    public string? Place { get; private set; }

    public string? OnlineLink { get; private set; }

    public string Purpose { get; private set; }

    /// <summary>The iCalendar SEQUENCE: 0 when first sent, one more for every move or the cancellation.</summary>
    public int Sequence { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public string ConcurrencyStamp { get; private set; }

    public IReadOnlyCollection<NetworkParticipant> Participants => _participants.AsReadOnly();

    public bool IsCancelled => CancelledAt is not null;

    public static NetworkMeeting Schedule(Guid childId, bool childHasOwnLogin, DateTimeOffset startsAt, DateTimeOffset endsAt, string? place, string? onlineLink, string purpose, Actor by, DateTimeOffset now) =>
        Schedule(Guid.NewGuid(), childId, childHasOwnLogin, startsAt, endsAt, place, onlineLink, purpose, by, now);

    /// <param name="id">Made when the form was shown, so the same form sent twice finds the meeting it already made.</param>
    public static NetworkMeeting Schedule(Guid id, Guid childId, bool childHasOwnLogin, DateTimeOffset startsAt, DateTimeOffset endsAt, string? place, string? onlineLink, string purpose, Actor by, DateTimeOffset now)
    {
        RequireStaff(by);
        if (id == Guid.Empty)
        {
            throw new DomainException("Meeting.NoId");
        }

        var meeting = new NetworkMeeting(id, childId, childHasOwnLogin, Text.Required(purpose, PurposeMaxLength, "Meeting.Purpose"));
        meeting.SetTimeAndPlace(startsAt, endsAt, place, onlineLink, now);
        return meeting;
    }

    /// <summary>The young person got their own login after the meeting was planned: from now on they answer suggestions.</summary>
    public void NoteChildHasOwnLogin() => ChildHasOwnLogin = true;

    public void Move(DateTimeOffset startsAt, DateTimeOffset endsAt, string? place, string? onlineLink, Actor by, DateTimeOffset now)
    {
        RequireStaff(by);
        RequireNotCancelled();
        SetTimeAndPlace(startsAt, endsAt, place, onlineLink, now);
        Sequence++;
        Touch();
    }

    public void Cancel(Actor by, DateTimeOffset now)
    {
        RequireStaff(by);
        RequireNotCancelled();
        CancelledAt = now;
        Sequence++;
        Touch();
    }

    /// <summary>
    /// Someone from the private network. The young person's own suggestion is chosen at once; a parent's or staff's waits
    /// for the young person's answer (a parent's stands when the child has no login of their own).
    /// </summary>
    public NetworkParticipant SuggestFromNetwork(string name, string? relation, string? email, string? phone, string? why, Actor by)
    {
        ArgumentNullException.ThrowIfNull(by);
        RequireNotCancelled();
        var decision = by.Role == ActorRole.Youth || (by.Role == ActorRole.Parent && !ChildHasOwnLogin)
            ? ParticipantDecision.Chosen
            : ParticipantDecision.AwaitingYoungPerson;
        var participant = new NetworkParticipant(
            ParticipantKind.PrivateNetwork,
            Text.Required(name, NetworkParticipant.NameMaxLength, "Participant.Name"),
            Text.Optional(relation, NetworkParticipant.RelationMaxLength, "Participant.Relation"),
            EmailAddress.Optional(email, "Participant.Email"),
            Text.Optional(phone, NetworkParticipant.ContactMaxLength, "Participant.Phone"),
            Text.Optional(why, NetworkParticipant.WhyMaxLength, "Participant.Why"),
            null,
            by,
            decision);
        _participants.Add(participant);
        Touch();
        return participant;
    }

    /// <summary>The young person's yes or no to a suggestion from someone else. Their answer decides.</summary>
    public void Decide(Guid participantId, bool yes, Actor by)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (by.Role != ActorRole.Youth)
        {
            throw new DomainException("Meeting.OnlyTheYoungPersonDecides");
        }

        var participant = Find(participantId);
        if (participant.Kind != ParticipantKind.PrivateNetwork || participant.Decision == ParticipantDecision.Withdrawn)
        {
            throw new DomainException("Meeting.NothingToDecide");
        }

        participant.Decide(yes);
        Touch();
    }

    /// <summary>The one who suggested someone, or the young person, can take the suggestion back.</summary>
    public NetworkParticipant Withdraw(Guid participantId, Actor by)
    {
        ArgumentNullException.ThrowIfNull(by);
        var participant = Find(participantId);
        var mayWithdraw = participant.SuggestedByUserId == by.UserId
            || (by.Role == ActorRole.Youth && participant.Kind is ParticipantKind.PrivateNetwork or ParticipantKind.SupportPerson)
            || (by.IsStaff && participant.Kind is ParticipantKind.Professional or ParticipantKind.PartnerService);
        if (!mayWithdraw)
        {
            throw new DomainException("Meeting.NotYoursToWithdraw");
        }

        participant.Withdraw();
        Touch();
        return participant;
    }

    /// <summary>The one who made a suggestion, or the young person, can change its details. The decision stays.</summary>
    public void EditSuggestion(Guid participantId, string name, string? relation, string? email, string? phone, string? why, Actor by)
    {
        ArgumentNullException.ThrowIfNull(by);
        RequireNotCancelled();
        var participant = Find(participantId);
        var mayEdit = participant.Kind == ParticipantKind.PrivateNetwork
            && participant.Decision != ParticipantDecision.Withdrawn
            && (participant.SuggestedByUserId == by.UserId || by.Role == ActorRole.Youth);
        if (!mayEdit)
        {
            throw new DomainException("Meeting.NotYoursToEdit");
        }

        participant.Edit(
            Text.Required(name, NetworkParticipant.NameMaxLength, "Participant.Name"),
            Text.Optional(relation, NetworkParticipant.RelationMaxLength, "Participant.Relation"),
            EmailAddress.Optional(email, "Participant.Email"),
            Text.Optional(phone, NetworkParticipant.ContactMaxLength, "Participant.Phone"),
            Text.Optional(why, NetworkParticipant.WhyMaxLength, "Participant.Why"));
        Touch();
    }

    /// <summary>An invitee's yes or no through their personal link. Only someone still invited, for a meeting still on, answers.</summary>
    public void Answer(Guid participantId, int revision, bool coming, DateTimeOffset now)
    {
        var participant = _participants.Find(item => item.Id == participantId);
        if (participant is null || !participant.IsInvited || participant.Revision != revision || IsCancelled)
        {
            throw new DomainException("Meeting.AnswerLinkNoLongerValid");
        }

        if (EndsAt <= now)
        {
            throw new DomainException("Meeting.AlreadyHeld");
        }

        participant.Answer(coming);
        Touch();
    }

    /// <summary>
    /// The calendar messages owed to invitees with an email address: an invitation to everyone invited who has not had
    /// this version, a cancellation to everyone who had an invitation and is no longer invited or whose meeting is cancelled.
    /// Nobody who was never invited gets anything.
    /// </summary>
    public IReadOnlyList<DueNotice> DueNotices()
    {
        var due = new List<DueNotice>();
        foreach (var participant in _participants.Where(item => item.Email is not null))
        {
            var sequence = Sequence + participant.Revision;
            var wanted = participant.IsInvited && !IsCancelled ? CalendarNotice.Invitation : CalendarNotice.Cancellation;
            var alreadySent = participant.SentSequence == sequence && participant.SentCancellation == (wanted == CalendarNotice.Cancellation);
            var neverInvited = participant.SentSequence is null || participant.SentCancellation;
            if (alreadySent || (wanted == CalendarNotice.Cancellation && neverInvited))
            {
                continue;
            }

            due.Add(new DueNotice(participant, wanted, sequence));
        }

        return due;
    }

    /// <summary>Records that the notice was queued in the same transaction, so it is never queued twice.</summary>
    public static void MarkQueued(DueNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        notice.Participant.RecordSent(notice.Sequence, notice.Notice == CalendarNotice.Cancellation);
    }

    /// <summary>The young person's support person (bisidder). At least 15; nobody else's approval is needed; one at a time.</summary>
    public NetworkParticipant NameSupportPerson(string name, string? email, string? phone, DateOnly supportPersonBorn, DateOnly today, Actor by)
    {
        ArgumentNullException.ThrowIfNull(by);
        RequireNotCancelled();
        if (by.Role != ActorRole.Youth)
        {
            throw new DomainException("Meeting.OnlyTheYoungPersonChoosesSupport");
        }

        if (Families.Child.AgeOn(supportPersonBorn, today) < SupportPersonMinimumAge)
        {
            throw new DomainException("Meeting.SupportPersonTooYoung");
        }

        foreach (var earlier in _participants.Where(item => item.Kind == ParticipantKind.SupportPerson && item.IsInvited))
        {
            earlier.Withdraw();
        }

        var participant = new NetworkParticipant(
            ParticipantKind.SupportPerson,
            Text.Required(name, NetworkParticipant.NameMaxLength, "Participant.Name"),
            null,
            EmailAddress.Optional(email, "Participant.Email"),
            Text.Optional(phone, NetworkParticipant.ContactMaxLength, "Participant.Phone"),
            null,
            null,
            by,
            ParticipantDecision.Chosen);
        _participants.Add(participant);
        Touch();
        return participant;
    }

    public NetworkParticipant AddProfessional(string name, string role, string email, Actor by)
    {
        RequireStaff(by);
        RequireNotCancelled();
        var participant = new NetworkParticipant(
            ParticipantKind.Professional,
            Text.Required(name, NetworkParticipant.NameMaxLength, "Participant.Name"),
            Text.Required(role, NetworkParticipant.RelationMaxLength, "Participant.Role"),
            EmailAddress.Required(email, "Participant.Email"),
            null,
            null,
            null,
            by,
            ParticipantDecision.Chosen);
        _participants.Add(participant);
        Touch();
        return participant;
    }

    /// <summary>A partner service takes part only while a valid consent for network meetings exists at this moment.</summary>
    public NetworkParticipant AddPartnerService(Consent consent, IReadOnlyList<Party> requiredParties, string contactName, string email, Actor by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(consent);
        RequireStaff(by);
        RequireNotCancelled();
        if (consent.ChildId != ChildId || consent.Purpose != ConsentPurpose.NetworkMeetings)
        {
            throw new DomainException("Meeting.WrongConsent");
        }

        consent.RequireValid(now, requiredParties);
        var participant = new NetworkParticipant(
            ParticipantKind.PartnerService,
            Text.Required(contactName, NetworkParticipant.NameMaxLength, "Participant.Name"),
            null,
            EmailAddress.Required(email, "Participant.Email"),
            null,
            null,
            consent.Partner,
            by,
            ParticipantDecision.Chosen);
        _participants.Add(participant);
        Touch();
        return participant;
    }

    /// <summary>
    /// The consent for network meetings no longer holds: the partner service is taken off a meeting that has not been held,
    /// and so gets a cancellation. It takes a new consent and a new invitation to bring them back.
    /// </summary>
    public int ConsentEnded(PartnerService partner, DateTimeOffset now)
    {
        if (IsCancelled || EndsAt <= now)
        {
            return 0;
        }

        var taken = _participants.Where(item => item.Kind == ParticipantKind.PartnerService && item.Partner == partner && item.IsInvited).ToList();
        taken.ForEach(item => item.Withdraw());
        if (taken.Count > 0)
        {
            Touch();
        }

        return taken.Count;
    }

    private void SetTimeAndPlace(DateTimeOffset startsAt, DateTimeOffset endsAt, string? place, string? onlineLink, DateTimeOffset now)
    {
        if (startsAt <= now)
        {
            throw new DomainException("Meeting.InThePast");
        }

        if (endsAt <= startsAt)
        {
            throw new DomainException("Meeting.EndsBeforeItStarts");
        }

        Place = Text.Optional(place, PlaceMaxLength, "Meeting.Place");
        OnlineLink = Text.Optional(onlineLink, LinkMaxLength, "Meeting.Link");
        if (Place is null && OnlineLink is null)
        {
            throw new DomainException("Meeting.PlaceOrLinkRequired");
        }

        StartsAt = startsAt;
        EndsAt = endsAt;
    }

    private NetworkParticipant Find(Guid participantId) =>
        _participants.Find(item => item.Id == participantId) ?? throw DomainException.NotFound("Meeting.ParticipantNotFound");

    private void RequireNotCancelled()
    {
        if (IsCancelled)
        {
            throw new DomainException("Meeting.Cancelled");
        }
    }

    private static void RequireStaff(Actor by)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (!by.IsStaff)
        {
            throw new DomainException("Meeting.OnlyStaffSchedule");
        }
    }

    private void Touch() => ConcurrencyStamp = NewStamp();

    private static string NewStamp() => Guid.NewGuid().ToString("N");
}
