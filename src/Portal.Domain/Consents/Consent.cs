namespace Portal.Domain.Consents;

/// <summary>
/// Consent for one child, one partner service and one purpose. Every person's decisions are kept in order, never
/// rewritten. It is valid only while every required person's latest decision is a yes that has not expired.
/// Every rule here reads only each person's latest decision, and the count of decisions kept on the consent numbers the
/// next one, so a consent loaded with only each person's latest decision decides as one loaded with its whole history.
/// </summary>
public sealed class Consent
{
    private readonly List<ConsentDecision> _decisions = [];
    private readonly List<InformationShare> _shares = [];

    private Consent(Guid childId, PartnerService partner, ConsentPurpose purpose)
    {
        Id = Guid.NewGuid();
        ChildId = childId;
        Partner = partner;
        Purpose = purpose;
    }

    // For EF Core.
    private Consent()
    {
    }

    public Guid Id { get; private set; }

    public Guid ChildId { get; private set; }

    public PartnerService Partner { get; private set; }

    public ConsentPurpose Purpose { get; private set; }

    /// <summary>
    /// How many decisions have been recorded on this consent, whether loaded or not; the next one is numbered one more.
    /// </summary>
    public int DecisionCount { get; private set; }

    /// <summary>The decisions loaded with the consent: its whole history, or each person's latest decision.</summary>
    public IReadOnlyCollection<ConsentDecision> Decisions => _decisions.AsReadOnly();

    public IReadOnlyCollection<InformationShare> Shares => _shares.AsReadOnly();

    public static Consent For(Guid childId, PartnerService partner, ConsentPurpose purpose)
    {
        if (!Enum.IsDefined(partner) || !Enum.IsDefined(purpose))
        {
            throw new DomainException("Consent.Unknown");
        }

        return new Consent(childId, partner, purpose);
    }

    public ConsentDecision? LatestBy(string partyId) => _decisions.Where(decision => decision.PartyId == partyId).MaxBy(decision => decision.Sequence);

    public ConsentStatus StatusAt(DateTimeOffset now, IReadOnlyList<Party> required)
    {
        ArgumentNullException.ThrowIfNull(required);
        var parties = required.Select(party => PartyStatusAt(party, now)).ToList();
        var state = parties.Count == 0 ? ConsentState.NotGiven
            : parties.Exists(party => party.State == PartyState.Revoked) ? ConsentState.Revoked
            : parties.TrueForAll(party => party.State == PartyState.Given) ? ConsentState.Valid
            : parties.Exists(party => party.State == PartyState.Given) ? ConsentState.WaitingForOthers
            : parties.Exists(party => party.State == PartyState.Expired) ? ConsentState.Expired
            : ConsentState.NotGiven;
        var validUntil = state == ConsentState.Valid ? parties.Min(party => party.Latest!.ExpiresAt) : null;
        return new ConsentStatus(state, parties, validUntil);
    }

    /// <summary>
    /// Records a yes. A second yes while the first still counts records nothing and returns null, so a double tap
    /// or a resubmitted form never makes a second record.
    /// </summary>
    public ConsentDecision? Give(Party party, ConsentWording wording, ConsentMethod method, Actor? recordedBy, DateTimeOffset now, int validityMonths, IReadOnlyList<Party> required)
    {
        ArgumentNullException.ThrowIfNull(party);
        ArgumentNullException.ThrowIfNull(required);
        if (!required.Any(candidate => candidate.Id == party.Id))
        {
            throw new DomainException("Consent.NotYoursToGive");
        }

        if (PartyStatusAt(party, now).State == PartyState.Given)
        {
            return null;
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(validityMonths, 1);
        return Record(party, ConsentAction.Given, CheckedWording(wording), method, recordedBy, now, now.AddMonths(validityMonths));
    }

    /// <summary>
    /// Records a no that takes effect at once. Anyone may withdraw their own yes, even after the decision has passed
    /// to the young person. Without a yes to withdraw nothing is recorded and null is returned.
    /// </summary>
    public ConsentDecision? Revoke(Party party, ConsentWording wording, ConsentMethod method, Actor? recordedBy, DateTimeOffset now, IReadOnlyList<Party> required)
    {
        ArgumentNullException.ThrowIfNull(party);
        ArgumentNullException.ThrowIfNull(required);
        var latest = LatestBy(party.Id);
        var hasYesToWithdraw = latest?.Action == ConsentAction.Given;

        // Someone who must decide may also say no before ever saying yes; it keeps the consent from counting.
        var saysNoFirst = latest is null && required.Any(candidate => candidate.Id == party.Id);
        if (!hasYesToWithdraw && !saysNoFirst)
        {
            return null;
        }

        return Record(party, ConsentAction.Revoked, CheckedWording(wording), method, recordedBy, now, null);
    }

    /// <summary>Throws, naming the reason, unless the consent is valid at this moment.</summary>
    public ConsentStatus RequireValid(DateTimeOffset now, IReadOnlyList<Party> required)
    {
        var status = StatusAt(now, required);
        return status.IsValid ? status : throw new DomainException("Consent.NotValid");
    }

    public InformationShare RecordSharing(string what, Actor by, DateTimeOffset now, IReadOnlyList<Party> required)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (!by.IsStaff)
        {
            throw new DomainException("Consent.OnlyStaffShare");
        }

        if (Purpose != ConsentPurpose.InformationExchange)
        {
            throw new DomainException("Consent.WrongPurpose");
        }

        RequireValid(now, required);
        var share = new InformationShare(Text.Required(what, InformationShare.WhatMaxLength, "Consent.Share"), by, now);
        _shares.Add(share);
        return share;
    }

    private PartyStatus PartyStatusAt(Party party, DateTimeOffset now)
    {
        var latest = LatestBy(party.Id);
        var state = latest switch
        {
            null => PartyState.Missing,
            { Action: ConsentAction.Revoked } => PartyState.Revoked,
            { ExpiresAt: { } expires } when expires <= now => PartyState.Expired,
            _ => PartyState.Given,
        };
        return new PartyStatus(party, state, latest);
    }

    private ConsentDecision Record(Party party, ConsentAction action, ConsentWording wording, ConsentMethod method, Actor? recordedBy, DateTimeOffset now, DateTimeOffset? expiresAt)
    {
        switch (method)
        {
            case ConsentMethod.Oral when recordedBy is not { IsStaff: true }:
                throw new DomainException("Consent.OralNeedsStaff");
            case ConsentMethod.Portal when recordedBy is not null:
                throw new DomainException("Consent.PortalIsByThePersonThemself");
            case not (ConsentMethod.Oral or ConsentMethod.Portal):
                throw new DomainException("Consent.UnknownMethod");
        }

        DecisionCount++;
        var decision = new ConsentDecision(DecisionCount, party, action, method, recordedBy, wording, now, expiresAt);
        _decisions.Add(decision);
        return decision;
    }

    private static ConsentWording CheckedWording(ConsentWording wording)
    {
        ArgumentNullException.ThrowIfNull(wording);
        Text.Required(wording.Text, ConsentWording.TextMaxLength, "Consent.Wording");
        Text.Required(wording.Version, ConsentWording.VersionMaxLength, "Consent.WordingVersion");
        return wording;
    }
}

public enum PartyState
{
    Missing,
    Given,
    Revoked,
    Expired,
}

public enum ConsentState
{
    NotGiven,
    WaitingForOthers,
    Valid,
    Revoked,
    Expired,
}

public sealed record PartyStatus(Party Party, PartyState State, ConsentDecision? Latest);

public sealed record ConsentStatus(ConsentState State, IReadOnlyList<PartyStatus> Parties, DateTimeOffset? ValidUntil)
{
    public bool IsValid => State == ConsentState.Valid;

    /// <summary>Who has not (or no longer) said yes.</summary>
    public IReadOnlyList<Party> Missing => [.. Parties.Where(party => party.State != PartyState.Given).Select(party => party.Party)];
}
