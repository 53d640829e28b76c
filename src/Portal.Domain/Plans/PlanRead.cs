using Portal.Domain.Professionals;

namespace Portal.Domain.Plans;

/// <summary>
/// That someone outside the family opened a child's plan: who, in which role and service, and when. The family sees every
/// one (GDPR art. 15); the database keeps them append-only.
/// </summary>
public sealed class PlanRead
{
    private PlanRead(Guid childId, Actor reader, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        ChildId = childId;
        ReaderUserId = reader.UserId;
        ReaderName = reader.Name;
        ReaderRole = reader.Role;
        ReaderService = reader.Service;
        At = at;
    }

    // Stryker disable once all : EF Core's constructor; EF Core sets every property from the row it reads.
    private PlanRead()
    {
        ReaderUserId = ReaderName = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ChildId { get; private set; }

    public string ReaderUserId { get; private set; }

    public string ReaderName { get; private set; }

    public ActorRole ReaderRole { get; private set; }

    public ProfessionalService? ReaderService { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>A read to record. The family reading their own plan is not logged: the log is of others' reads.</summary>
    public static PlanRead By(Guid childId, Actor reader, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.IsFamily)
        {
            throw new DomainException("PlanRead.FamilyReadsAreNotLogged");
        }

        return new PlanRead(childId, reader, at);
    }
}
