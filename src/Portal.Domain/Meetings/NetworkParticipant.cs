using Portal.Domain.Consents;

namespace Portal.Domain.Meetings;

/// <summary>Someone who may be at a network meeting: from the private network, the support person, a professional, or a partner service.</summary>
public sealed class NetworkParticipant
{
    public const int NameMaxLength = 100;
    public const int RelationMaxLength = 100;
    public const int WhyMaxLength = 500;
    public const int ContactMaxLength = 254;

    internal NetworkParticipant(ParticipantKind kind, string name, string? relation, string? email, string? phone, string? why, PartnerService? partner, Actor suggestedBy, ParticipantDecision decision)
    {
        Id = Guid.NewGuid();
        Kind = kind;
        Name = name;
        Relation = relation;
        Email = email;
        Phone = phone;
        Why = why;
        Partner = partner;
        SuggestedByUserId = suggestedBy.UserId;
        SuggestedByRole = suggestedBy.Role;
        Decision = decision;
    }

    // Stryker disable once all : EF Core's constructor; EF Core sets every property from the row it reads.
    private NetworkParticipant()
    {
        Name = SuggestedByUserId = string.Empty;
    }

    public Guid Id { get; private set; }

    public ParticipantKind Kind { get; private set; }

    public string Name { get; private set; }

    /// <summary>Grandparent, coach, neighbour…; for a professional, their role.</summary>
    public string? Relation { get; private set; }

    public string? Email { get; private set; }

    public string? Phone { get; private set; }

    /// <summary>The young person's (or suggester's) own words about why this person.</summary>
    public string? Why { get; private set; }

    public PartnerService? Partner { get; private set; }

    public string SuggestedByUserId { get; private set; }

    public ActorRole SuggestedByRole { get; private set; }

    public ParticipantDecision Decision { get; private set; }

    /// <summary>Whether the person will be invited (and get updates and cancellations).</summary>
    public bool IsInvited => Decision == ParticipantDecision.Chosen;

    /// <summary>The invitee's own yes or no, through the personal link in their invitation.</summary>
    public ParticipantResponse Response { get; private set; }

    /// <summary>
    /// Raised each time the person goes from invited to not invited or back. It is added to the meeting's SEQUENCE, so a
    /// cancellation to someone removed, and a later new invitation, always outrank what their calendar already holds.
    /// It also ends the personal answer link sent before.
    /// </summary>
    public int Revision { get; private set; }

    /// <summary>The SEQUENCE of the last calendar message queued for this person; null while none has been.</summary>
    public int? SentSequence { get; private set; }

    /// <summary>Whether that last message was a cancellation.</summary>
    public bool SentCancellation { get; private set; }

    internal void Decide(bool yes) => ChangeDecision(yes ? ParticipantDecision.Chosen : ParticipantDecision.DeclinedByYoungPerson);

    internal void Withdraw() => ChangeDecision(ParticipantDecision.Withdrawn);

    internal void Answer(bool coming) => Response = coming ? ParticipantResponse.Coming : ParticipantResponse.NotComing;

    internal void RecordSent(int sequence, bool cancellation) => (SentSequence, SentCancellation) = (sequence, cancellation);

    private void ChangeDecision(ParticipantDecision decision)
    {
        var wasInvited = IsInvited;
        Decision = decision;
        if (wasInvited != IsInvited)
        {
            Revision++;
            Response = ParticipantResponse.NoAnswer;
        }
    }

    internal void Edit(string name, string? relation, string? email, string? phone, string? why) =>
        (Name, Relation, Email, Phone, Why) = (name, relation, email, phone, why);
}

public enum ParticipantKind
{
    PrivateNetwork,
    SupportPerson,
    Professional,
    PartnerService,
}

public enum ParticipantResponse
{
    NoAnswer,
    Coming,
    NotComing,
}

/// <summary>What a calendar message to one invitee says.</summary>
public enum CalendarNotice
{
    /// <summary>METHOD:REQUEST: the invitation, or an update after a move.</summary>
    Invitation,

    /// <summary>METHOD:CANCEL: the meeting is cancelled, or the person no longer takes part.</summary>
    Cancellation,
}

/// <summary>A calendar message due to one invitee.</summary>
public sealed record DueNotice(NetworkParticipant Participant, CalendarNotice Notice, int Sequence);

public enum ParticipantDecision
{
    /// <summary>Suggested by a parent or staff; the young person has not answered yet.</summary>
    AwaitingYoungPerson,
    Chosen,
    DeclinedByYoungPerson,
    Withdrawn,
}
