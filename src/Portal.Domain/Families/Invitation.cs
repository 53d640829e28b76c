namespace Portal.Domain.Families;

/// <summary>
/// An invitation for a family member to set a password and see one child's plan. It can be used once, until it
/// expires; staff can send it again (a new link, the old one stops working) or revoke it.
/// </summary>
public sealed class Invitation
{
    public const int NameMaxLength = 100;
    public const int EmailMaxLength = 256;

    private Invitation(Guid childId, string userId, string name, string email, InvitationKind kind, DateTimeOffset now, TimeSpan lifetime)
    {
        Id = Guid.NewGuid();
        ChildId = childId;
        UserId = userId;
        Name = name;
        Email = email;
        Kind = kind;
        SentAt = now;
        ExpiresAt = now + lifetime;
    }

    // Stryker disable once all : EF Core's constructor; EF Core sets every property from the row it reads.
    private Invitation()
    {
        UserId = Name = Email = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ChildId { get; private set; }

    /// <summary>The account made for the invited person; it has no password until the invitation is used.</summary>
    public string UserId { get; private set; }

    public string Name { get; private set; }

    public string Email { get; private set; }

    public InvitationKind Kind { get; private set; }

    public DateTimeOffset SentAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public int TimesSent { get; private set; } = 1;

    public DateTimeOffset? AcceptedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public static Invitation Send(Guid childId, string userId, string name, string email, InvitationKind kind, DateTimeOffset now, TimeSpan lifetime)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);

        return new Invitation(
            childId,
            userId,
            Text.Required(name, NameMaxLength, "Invitation.Name"),
            EmailAddress.Required(email, "Invitation.Email"),
            kind,
            now,
            lifetime);
    }

    public InvitationState StateAt(DateTimeOffset now) =>
        AcceptedAt is not null ? InvitationState.Accepted
        : RevokedAt is not null ? InvitationState.Revoked
        : now >= ExpiresAt ? InvitationState.Expired
        : InvitationState.Waiting;

    /// <summary>Throws with the reason when the link can no longer be used.</summary>
    public void Accept(DateTimeOffset now)
    {
        switch (StateAt(now))
        {
            case InvitationState.Accepted:
                throw new DomainException("Invitation.AlreadyUsed");
            case InvitationState.Revoked:
                throw new DomainException("Invitation.Revoked");
            case InvitationState.Expired:
                throw new DomainException("Invitation.Expired");
        }

        AcceptedAt = now;
    }

    /// <summary>
    /// Whether the invited person may take the invitation with MitID instead of a password: a custody holder always, the
    /// child only from <see cref="Child.OwnMitIdAge"/>.
    /// </summary>
    public bool MayBeAcceptedWithMitId(Child child, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (child.Id != ChildId)
        {
            // Stryker disable once String : the wording of a programming-error guard; the test checks that it throws.
            throw new ArgumentException("The invitation is for another child.", nameof(child));
        }

        return Kind == InvitationKind.CustodyHolder || child.MayUseOwnMitId(today);
    }

    /// <summary>A new link with a new expiry; also after the old one expired.</summary>
    public void SendAgain(DateTimeOffset now, TimeSpan lifetime)
    {
        if (AcceptedAt is not null)
        {
            throw new DomainException("Invitation.AlreadyUsed");
        }

        if (RevokedAt is not null)
        {
            throw new DomainException("Invitation.Revoked");
        }

        SentAt = now;
        ExpiresAt = now + lifetime;
        TimesSent++;
    }

    public void Revoke(DateTimeOffset now)
    {
        if (AcceptedAt is not null)
        {
            throw new DomainException("Invitation.AlreadyUsed");
        }

        RevokedAt ??= now;
    }
}

public enum InvitationKind
{
    CustodyHolder,
    Youth,
}

public enum InvitationState
{
    Waiting,
    Accepted,
    Expired,
    Revoked,
}
