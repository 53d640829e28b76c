namespace Portal.Domain.Professionals;

/// <summary>
/// A professional the caseworker has added to a child's case. Being added is not enough to read the plan: that needs a
/// legal basis at the moment of reading (<see cref="AllowsReading"/>).
/// </summary>
public sealed class ProfessionalAssignment
{
    public const int LegalBasisMaxLength = 300;

    internal ProfessionalAssignment(Guid childId, string userId, ProfessionalService service, string? legalBasis, DateTimeOffset addedAt)
    {
        ChildId = childId;
        UserId = userId;
        Service = service;
        LegalBasis = legalBasis;
        AddedAt = addedAt;
    }

    // Stryker disable once all : EF Core's constructor; EF Core sets every property from the row it reads.
    private ProfessionalAssignment()
    {
        UserId = string.Empty;
    }

    public Guid ChildId { get; private set; }

    public string UserId { get; private set; }

    public ProfessionalService Service { get; private set; }

    /// <summary>For a school, daycare or PPR: the legal basis the caseworker recorded. Null for a service that needs consent.</summary>
    public string? LegalBasis { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    /// <summary>Whether the service's access rests on the family's consent rather than on a recorded legal basis.</summary>
    public bool NeedsConsent => Service.ConsentPartner() is not null;

    /// <summary>
    /// For Sundhedsplejen and De Åbne Rådgivninger: the state now of the child's consent to exchange information with
    /// that service, as the consent rules decide it. Null for a service that reads on a recorded legal basis.
    /// </summary>
    /// <param name="childConsents">The child's consents, with at least each person's latest decision (all the rules read).</param>
    /// <param name="required">Who must consent for the child today (<see cref="Consents.ConsentPolicy.RequiredParties"/>).</param>
    public Consents.ConsentState? ExchangeConsentAt(DateTimeOffset now, IEnumerable<Consents.Consent> childConsents, IReadOnlyList<Consents.Party> required)
    {
        ArgumentNullException.ThrowIfNull(childConsents);
        if (Service.ConsentPartner() is not { } partner)
        {
            return null;
        }

        var consent = childConsents.FirstOrDefault(item => item.ChildId == ChildId && item.Partner == partner && item.Purpose == Consents.ConsentPurpose.InformationExchange);
        return consent?.StatusAt(now, required).State ?? Consents.ConsentState.NotGiven;
    }

    /// <summary>
    /// Whether the professional may read the plan now: for Sundhedsplejen and De Åbne Rådgivninger only while the consent
    /// to exchange information with that service is valid, for the others while the caseworker's recorded legal basis stands.
    /// </summary>
    public bool AllowsReading(DateTimeOffset now, IEnumerable<Consents.Consent> childConsents, IReadOnlyList<Consents.Party> required) =>
        ExchangeConsentAt(now, childConsents, required) is { } state ? state == Consents.ConsentState.Valid : LegalBasis is not null;
}
