using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Consents;
using Portal.Domain.Families;

namespace Portal.Consents;

/// <summary>
/// Loads a child's consents together with who must give them today, for the family's and the staff's pages, and records
/// a decision on them. The receipt and notices it owes are added when it is saved (<see cref="ConsentMail"/>).
/// </summary>
public sealed class ConsentBook(PortalDbContext db, ConsentWordings wordings, TimeProvider clock, IOptions<PortalOptions> options)
{
    public static IReadOnlyList<(PartnerService Partner, ConsentPurpose Purpose)> All { get; } =
        [.. Enum.GetValues<PartnerService>().SelectMany(partner => Enum.GetValues<ConsentPurpose>().Select(purpose => (partner, purpose)))];

    public int ValidityMonths => options.Value.ConsentValidityMonths;

    /// <summary>
    /// The child's consents with each person's latest decision, or null when the child is not among
    /// <paramref name="allowedChildren"/>.
    /// </summary>
    public Task<ChildConsents?> LoadAsync(IQueryable<Child> allowedChildren, Guid childId, bool tracked, CancellationToken cancellationToken) =>
        LoadAsync(allowedChildren, childId, tracked, wholeHistory: false, cancellationToken);

    /// <summary>The same, with every decision, for a page that shows the history.</summary>
    public Task<ChildConsents?> LoadWithHistoryAsync(IQueryable<Child> allowedChildren, Guid childId, bool tracked, CancellationToken cancellationToken) =>
        LoadAsync(allowedChildren, childId, tracked, wholeHistory: true, cancellationToken);

    private async Task<ChildConsents?> LoadAsync(IQueryable<Child> allowedChildren, Guid childId, bool tracked, bool wholeHistory, CancellationToken cancellationToken)
    {
        var child = await allowedChildren.AsNoTracking().Include(item => item.CustodyHolders).AsSingleQuery().FirstOrDefaultAsync(item => item.Id == childId, cancellationToken);
        if (child is null)
        {
            return null;
        }

        if (tracked)
        {
            await db.LockChildAsync(childId, cancellationToken);
        }

        return (await LoadForAsync([child], await NamesAsync([child], cancellationToken), tracked, wholeHistory, cancellationToken))[childId];
    }

    /// <summary>
    /// The consents of several children at once, with each person's latest decision, in three queries whatever their
    /// number. <paramref name="children"/> must come with their custody holders, from an ownership query.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, ChildConsents>> LoadForAsync(IReadOnlyCollection<Child> children, bool tracked, CancellationToken cancellationToken) =>
        await LoadForAsync(children, await NamesAsync(children, cancellationToken), tracked, wholeHistory: false, cancellationToken);

    /// <summary>
    /// The same, for a page that read the family members' names with the children (the start page shows every child of
    /// the family): one query for the consents and their decisions.
    /// </summary>
    public Task<IReadOnlyDictionary<Guid, ChildConsents>> LoadForAsync(IReadOnlyCollection<Child> children, IReadOnlyDictionary<string, string> names, bool tracked, CancellationToken cancellationToken) =>
        LoadForAsync(children, names, tracked, wholeHistory: false, cancellationToken);

    private async Task<IReadOnlyDictionary<Guid, ChildConsents>> LoadForAsync(IReadOnlyCollection<Child> children, IReadOnlyDictionary<string, string> names, bool tracked, bool wholeHistory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(children);
        var childIds = children.Select(child => child.Id).ToList();
        var consents = tracked ? db.Consents : db.Consents.AsNoTracking();
        var loaded = await (wholeHistory ? consents.WithWholeHistory() : consents.WithLatestDecisions(db))
            .Where(consent => EF.Parameter(childIds).Contains(consent.ChildId)) // one parameter, one SQL text (NextMeetingView says why)
            .AsSingleQuery() // each person's latest decision (or a short history) and a few shares: rows hardly multiply
            .ToListAsync(cancellationToken);
        var today = DanishTime.Today(clock);
        var now = clock.GetUtcNow();
        return children.ToDictionary(
            child => child.Id,
            child => new ChildConsents(child, ConsentPolicy.RequiredParties(child, today, names), names, loaded.FindAll(consent => consent.ChildId == child.Id), now, today));
    }

    private async Task<Dictionary<string, string>> NamesAsync(IReadOnlyCollection<Child> children, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(children);
        var memberIds = children.SelectMany(child => child.CustodyHolders.Select(holder => holder.UserId).Append(child.YouthUserId)).OfType<string>().Distinct().ToList();
        return await db.Users.AsNoTracking().Where(user => EF.Parameter(memberIds).Contains(user.Id)).ToDictionaryAsync(user => user.Id, user => user.DisplayName, cancellationToken);
    }

    /// <summary>
    /// Records one person's yes or no with the exact words they were shown; by the staff for an oral decision.
    /// </summary>
    /// <returns>The new decision, or the person's existing latest one when nothing changed (a double tap).</returns>
    public ConsentDecision? Decide(ChildConsents consents, PartnerService partner, ConsentPurpose purpose, Party party, ConsentAction action, Actor? recordedBy)
    {
        ArgumentNullException.ThrowIfNull(consents);
        ArgumentNullException.ThrowIfNull(party);
        var consent = GetOrStart(consents, partner, purpose);
        var wording = wordings.For(partner, purpose, consents.Child.Name, ValidityMonths);
        var method = recordedBy is null ? ConsentMethod.Portal : ConsentMethod.Oral;
        var now = clock.GetUtcNow();
        var decision = action == ConsentAction.Given
            ? consent.Give(party, wording, method, recordedBy, now, ValidityMonths, consents.Required)
            : consent.Revoke(party, wording, method, recordedBy, now, consents.Required);
        return decision ?? consent.LatestBy(party.Id);
    }

    /// <summary>The consent for this partner and purpose, started (and tracked for saving) if nobody has decided yet.</summary>
    public Consent GetOrStart(ChildConsents consents, PartnerService partner, ConsentPurpose purpose)
    {
        ArgumentNullException.ThrowIfNull(consents);
        if (consents.Find(partner, purpose) is { } existing)
        {
            return existing;
        }

        var consent = Consent.For(consents.Child.Id, partner, purpose);
        db.Consents.Add(consent);
        consents.Add(consent);
        return consent;
    }
}

public sealed class ChildConsents(
    Child child,
    IReadOnlyList<Party> required,
    IReadOnlyDictionary<string, string> names,
    List<Consent> consents,
    DateTimeOffset now,
    DateOnly today)
{
    public Child Child => child;

    public IReadOnlyList<Party> Required => required;

    public IReadOnlyDictionary<string, string> Names => names;

    public DateTimeOffset Now => now;

    public bool ChildDecidesAlone => ConsentPolicy.ChildDecidesAlone(child, today);

    public IReadOnlyList<Consent> Consents => consents;

    public Consent? Find(PartnerService partner, ConsentPurpose purpose) =>
        consents.Find(consent => consent.Partner == partner && consent.Purpose == purpose);

    public ConsentStatus Status(PartnerService partner, ConsentPurpose purpose) =>
        Find(partner, purpose)?.StatusAt(now, required) ?? new ConsentStatus(ConsentState.NotGiven, [.. required.Select(party => new PartyStatus(party, PartyState.Missing, null))], null);

    /// <summary>The signed-in family member as a party to this child's consents: required now, or with an earlier yes to withdraw.</summary>
    public Party? PartyFor(string userId, ActorRole role) =>
        required.FirstOrDefault(party => party.Id == userId)
        ?? (child.CanBeSeenBy(userId) ? new Party(userId, names.GetValueOrDefault(userId, string.Empty), role) : null);

    internal void Add(Consent consent) => consents.Add(consent);
}
