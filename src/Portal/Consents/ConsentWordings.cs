using Microsoft.Extensions.Localization;
using Portal.Domain.Consents;

namespace Portal.Consents;

/// <summary>
/// The exact words a person reads before deciding: who the partner is, what is shared and why, for how long, what
/// happens on a no, and that a withdrawal does not undo what was already shared (GDPR art. 7(3)). The text shown is
/// the text kept with the decision, with <see cref="Version"/>.
/// </summary>
public sealed class ConsentWordings(IStringLocalizer<ConsentWordings> text)
{
    /// <summary>Raise when any of the texts in Resources/Consents/ConsentWordings.*.resx change.</summary>
    public const string Version = "2026.1";

    /// <summary>Who is named in a message about a consent (who has not said yes yet): their names, in order.</summary>
    public static string Names(IEnumerable<Party> parties) => string.Join(", ", parties.Select(party => party.Name));

    public string Title(PartnerService partner, ConsentPurpose purpose, string childName) =>
        text[$"Title.{partner}.{purpose}", childName];

    public ConsentWording For(PartnerService partner, ConsentPurpose purpose, string childName, int validityMonths)
    {
        var paragraphs = new[]
        {
            Title(partner, purpose, childName),
            text[$"Who.{partner}"].Value,
            text[$"What.{purpose}", childName].Value,
            text["HowLong", validityMonths].Value,
            text["IfNo", childName].Value,
            text["Withdraw"].Value,
        };
        return new ConsentWording(Version, string.Join("\n\n", paragraphs));
    }
}
