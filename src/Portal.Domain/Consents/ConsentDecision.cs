namespace Portal.Domain.Consents;

/// <summary>One person's yes or no, with the words they were shown. Never changed once written.</summary>
public sealed class ConsentDecision
{
    public const int NameMaxLength = 100;

    internal ConsentDecision(int sequence, Party party, ConsentAction action, ConsentMethod method, Actor? recordedBy, ConsentWording wording, DateTimeOffset at, DateTimeOffset? expiresAt)
    {
        Id = Guid.NewGuid();
        Sequence = sequence;
        PartyId = party.Id;
        PartyName = party.Name;
        PartyRole = party.Role;
        Action = action;
        Method = method;
        RecordedByUserId = recordedBy?.UserId;
        RecordedByName = recordedBy?.Name;
        WordingVersion = wording.Version;
        WordingText = wording.Text;
        At = at;
        ExpiresAt = expiresAt;
    }

    // Stryker disable once all : EF Core's constructor; EF Core sets every property from the row it reads.
    private ConsentDecision()
    {
        PartyId = PartyName = WordingVersion = WordingText = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>The order of decisions on one consent: two in the same second are still first and second.</summary>
    public int Sequence { get; private set; }

    public string PartyId { get; private set; }

    public string PartyName { get; private set; }

    public ActorRole PartyRole { get; private set; }

    public ConsentAction Action { get; private set; }

    public ConsentMethod Method { get; private set; }

    /// <summary>For an oral decision: the member of staff who recorded it.</summary>
    public string? RecordedByUserId { get; private set; }

    public string? RecordedByName { get; private set; }

    public string WordingVersion { get; private set; }

    public string WordingText { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>For a consent given: when it stops counting.</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }
}
