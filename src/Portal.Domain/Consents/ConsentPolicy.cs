using Portal.Domain.Families;

namespace Portal.Domain.Consents;

/// <summary>
/// Who must consent: the one place that decides it. Every custody holder while the child is under 15 (joint custody:
/// significant decisions need both, forældreansvarsloven § 3); from the 15th birthday the young person alone
/// (Sundhedsloven § 17).
/// </summary>
public static class ConsentPolicy
{
    public const int OwnConsentAge = 15;

    public static bool ChildDecidesAlone(Child child, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(child);
        return child.AgeOn(today) >= OwnConsentAge;
    }

    /// <param name="names">Display names by user id, for the receipts and the history.</param>
    public static IReadOnlyList<Party> RequiredParties(Child child, DateOnly today, IReadOnlyDictionary<string, string> names)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(names);
        if (ChildDecidesAlone(child, today))
        {
            return child.YouthUserId is { } youth
                ? [new Party(youth, names.GetValueOrDefault(youth, child.Name), ActorRole.Youth)]
                : [new Party(Party.ChildWithoutLogin(child.Id), child.Name, ActorRole.Youth)];
        }

        return [.. child.CustodyHolders.Select(holder => new Party(holder.UserId, names.GetValueOrDefault(holder.UserId, string.Empty), ActorRole.Parent))];
    }
}
