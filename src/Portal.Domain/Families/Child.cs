using Portal.Domain.Professionals;

namespace Portal.Domain.Families;

/// <summary>
/// A child the municipality works with. Custody holders and the child's own youth account are the only
/// family members who may ever see anything about the child.
/// </summary>
public sealed class Child
{
    public const int NameMaxLength = 100;
    public const int MaxCustodyHolders = 2;

    private readonly List<CustodyHolder> _custodyHolders = [];
    private readonly List<CaseworkerAssignment> _caseworkers = [];
    private readonly List<ProfessionalAssignment> _professionals = [];

    public Child(string name, DateOnly dateOfBirth, DateOnly today)
    {
        Id = Guid.NewGuid();
        Name = ValidName(name);
        if (dateOfBirth > today)
        {
            throw new DomainException("Child.BornInTheFuture");
        }

        if (AgeOn(dateOfBirth, today) >= 18)
        {
            throw new DomainException("Child.Adult");
        }

        DateOfBirth = dateOfBirth;
        ConcurrencyStamp = NewStamp();
    }

    // Stryker disable once all : EF Core's constructor; EF Core sets every property from the row it reads.
    private Child()
    {
        Name = ConcurrencyStamp = string.Empty;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public DateOnly DateOfBirth { get; private set; }

    /// <summary>The child's own login, once they have one.</summary>
    public string? YouthUserId { get; private set; }

    public string ConcurrencyStamp { get; private set; }

    /// <summary>When the young person, at 15, went through the consents that had become theirs to give.</summary>
    public DateTimeOffset? ConsentsReviewedAt { get; private set; }

    public IReadOnlyCollection<CustodyHolder> CustodyHolders => _custodyHolders.AsReadOnly();

    /// <summary>The caseworkers who work with this child; only they, among staff, can open the child's case.</summary>
    public IReadOnlyCollection<CaseworkerAssignment> Caseworkers => _caseworkers.AsReadOnly();

    /// <summary>The professionals (school, daycare, PPR, Sundhedsplejen…) the caseworker has added to the case.</summary>
    public IReadOnlyCollection<ProfessionalAssignment> Professionals => _professionals.AsReadOnly();

    /// <summary>How mail and meeting pages name the child to people outside the family: the first name only.</summary>
    public string FirstName => FirstNameOf(Name);

    /// <summary>
    /// From this age the young person logs in with their own MitID: the age from which their own word counts in the
    /// portal (<see cref="Consents.ConsentPolicy.OwnConsentAge"/>). Younger children log in with the password they chose.
    /// </summary>
    public const int OwnMitIdAge = Consents.ConsentPolicy.OwnConsentAge;

    public int AgeOn(DateOnly today) => AgeOn(DateOfBirth, today);

    /// <summary>Whether the child's own account may be bound to the child's own MitID.</summary>
    public bool MayUseOwnMitId(DateOnly today) => AgeOn(today) >= OwnMitIdAge;

    public bool IsCustodyHolder(string userId) => _custodyHolders.Exists(holder => holder.UserId == userId);

    /// <summary>Who in the family may read the child's details: a custody holder, or the child itself.</summary>
    public bool CanBeSeenBy(string userId) => IsCustodyHolder(userId) || YouthUserId == userId;

    public bool IsAssignedTo(string caseworkerId) => _caseworkers.Exists(assignment => assignment.UserId == caseworkerId);

    public void AssignCaseworker(string caseworkerId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(caseworkerId);
        if (IsAssignedTo(caseworkerId))
        {
            throw new DomainException("Child.CaseworkerAlreadyAssigned");
        }

        _caseworkers.Add(new CaseworkerAssignment(Id, caseworkerId));
        Touch();
    }

    /// <summary>Takes a caseworker off the case. The last caseworker stays until another is assigned: nobody lets go first.</summary>
    public void UnassignCaseworker(string caseworkerId)
    {
        var assignment = _caseworkers.Find(item => item.UserId == caseworkerId) ?? throw new DomainException("Child.CaseworkerNotAssigned");
        if (_caseworkers.Count == 1)
        {
            throw new DomainException("Child.LastCaseworker");
        }

        _caseworkers.Remove(assignment);
        Touch();
    }

    /// <summary>
    /// Adds a professional to the case. For a school, daycare or PPR the caseworker records the legal basis for sharing
    /// the plan; for Sundhedsplejen and De Åbne Rådgivninger the family's consent decides, so no basis is taken.
    /// </summary>
    public ProfessionalAssignment AddProfessional(string userId, ProfessionalService service, string? legalBasis, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (!Enum.IsDefined(service))
        {
            throw new DomainException("Child.UnknownService");
        }

        if (_professionals.Exists(item => item.UserId == userId))
        {
            throw new DomainException("Child.ProfessionalAlreadyAdded");
        }

        var basis = service.ConsentPartner() is null
            ? Text.Required(legalBasis, ProfessionalAssignment.LegalBasisMaxLength, "Child.LegalBasis")
            : null;
        var assignment = new ProfessionalAssignment(Id, userId, service, basis, now);
        _professionals.Add(assignment);
        Touch();
        return assignment;
    }

    /// <summary>Takes a professional off the case: their access to the plan ends with it.</summary>
    public void RemoveProfessional(string userId)
    {
        var assignment = _professionals.Find(item => item.UserId == userId) ?? throw DomainException.NotFound("Child.ProfessionalNotAdded");
        _professionals.Remove(assignment);
        Touch();
    }

    /// <summary>Undoes a link made for an invitation that was revoked before anyone used it.</summary>
    public void RemoveFamilyMember(string userId)
    {
        if (YouthUserId == userId)
        {
            YouthUserId = null;
        }
        else if (_custodyHolders.Find(holder => holder.UserId == userId) is { } holder)
        {
            _custodyHolders.Remove(holder);
        }
        else
        {
            throw new DomainException("Child.NotAFamilyMember");
        }

        Touch();
    }

    public void AddCustodyHolder(string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (IsCustodyHolder(userId))
        {
            throw new DomainException("Child.AlreadyCustodyHolder");
        }

        if (_custodyHolders.Count >= MaxCustodyHolders)
        {
            throw new DomainException("Child.TooManyCustodyHolders");
        }

        if (YouthUserId == userId)
        {
            throw new DomainException("Child.CannotBeOwnCustodyHolder");
        }

        _custodyHolders.Add(new CustodyHolder(Id, userId));
        Touch();
    }

    /// <summary>Links the child's own account. A child gets one from <paramref name="minimumAge"/>.</summary>
    public void LinkYouthAccount(string userId, DateOnly today, int minimumAge)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (YouthUserId is not null)
        {
            throw new DomainException("Child.YouthAccountExists");
        }

        if (AgeOn(today) < minimumAge)
        {
            throw new DomainException("Child.TooYoungForAccount");
        }

        if (IsCustodyHolder(userId))
        {
            throw new DomainException("Child.CannotBeOwnCustodyHolder");
        }

        YouthUserId = userId;
        Touch();
    }

    public void MarkConsentsReviewed(DateTimeOffset now)
    {
        ConsentsReviewedAt ??= now;
        Touch();
    }

    public void Rename(string name)
    {
        Name = ValidName(name);
        Touch();
    }

    public static string FirstNameOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? name;
    }

    /// <summary>Whole years on <paramref name="today"/>; a 29 February child has their birthday on 1 March in a common year.</summary>
    public static int AgeOn(DateOnly dateOfBirth, DateOnly today)
    {
        var age = today.Year - dateOfBirth.Year;

        // Born 29 February: in a common year the birthday counts from 1 March, as Danish practice does.
        var birthdayThisYear = dateOfBirth.Month == 2 && dateOfBirth.Day == 29 && !DateTime.IsLeapYear(today.Year)
            ? new DateOnly(today.Year, 3, 1)
            : new DateOnly(today.Year, dateOfBirth.Month, dateOfBirth.Day);
        return today < birthdayThisYear ? age - 1 : age;
    }

    private static string ValidName(string name)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw new DomainException("Child.NameRequired");
        }

        if (trimmed.Length > NameMaxLength)
        {
            throw new DomainException("Child.NameTooLong");
        }

        return trimmed;
    }

    private void Touch() => ConcurrencyStamp = NewStamp();

    private static string NewStamp() => Guid.NewGuid().ToString("N");
}
