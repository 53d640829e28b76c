namespace Portal.MitId;

/// <summary>
/// Login with MitID through the municipality's OpenID Connect broker (NemLog-in or a certified MitID broker), section
/// "Authentication:MitID". Off unless <see cref="Authority"/> is set, or the test provider is on (Development only).
/// </summary>
public sealed class MitIdOptions
{
    public const string Section = "Authentication:MitID";

    /// <summary>The broker's issuer address; its discovery document is read from there.</summary>
    public Uri? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>
    /// The assurance level asked for, as the broker names it (for example
    /// <c>https://data.gov.dk/concept/core/nsis/loa/Substantial</c>). When set, a token that does not carry one of these
    /// values in its <c>acr</c> claim is refused.
    /// </summary>
    public string? AcrValues { get; set; }

    /// <summary>
    /// The claim with the broker's persistent identifier for the person, kept as the account's external login. Never the
    /// CPR number: the portal does not store it. Default <c>sub</c>.
    /// </summary>
    public string IdentifierClaim { get; set; } = "sub";

    /// <summary>
    /// The built-in OpenID Connect provider that plays the broker with demo people. On by default in Development when
    /// no <see cref="Authority"/> is set; the portal refuses to start with it in any other environment.
    /// </summary>
    public bool? TestProvider { get; set; }
}
