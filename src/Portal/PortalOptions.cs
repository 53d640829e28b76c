using Microsoft.Extensions.Options;

namespace Portal;

/// <summary>The portal's own settings (section "Portal").</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    public bool SeedDemoData { get; set; }

    /// <summary>From this age a child can get their own login (default 12).</summary>
    public int YouthAccountMinimumAge { get; set; } = 12;

    /// <summary>How long an invitation link works (default 7 days).</summary>
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a consent counts after it is given (default 12 months).</summary>
    public int ConsentValidityMonths { get; set; } = 12;

    /// <summary>How long before expiry the family is reminded (default 14 days).</summary>
    public TimeSpan ConsentReminderBefore { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// The portal's address as families reach it (behind the proxy). Every link in every mail is built from it, never
    /// from the request's Host header. Required outside Development.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>How often the reminder service looks for consents about to expire (zero: never by itself).</summary>
    public TimeSpan ConsentReminderInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The municipality's open offers, shown on the public page "Bekymret for et barn eller en ung?", in Danish and
    /// English. Each municipality fills in its own; with none, the page still gives its guidance and the counselling line.
    /// </summary>
    public List<Pages.EarlyHelp.Offer> Offers { get; set; } = [];
}

public static class PortalOptionsSetup
{
    /// <summary>The address <c>dotnet run</c> listens on (Properties/launchSettings.json), used in Development when none is set.</summary>
    public static readonly Uri DevelopmentBaseUrl = new("http://localhost:5080");

    public static void AddPortalOptions(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddOptions<PortalOptions>()
            .Bind(builder.Configuration.GetSection(PortalOptions.Section))
            .PostConfigure(options => options.PublicBaseUrl ??= development ? DevelopmentBaseUrl : null)
            .Validate(options => IsPublicAddress(options.PublicBaseUrl),
                "Portal:PublicBaseUrl must be set to the portal's public address, for example https://familieportalen.kommune.dk " +
                "(http or https, no query or fragment). Every link in mail is built from it.")
            .Validate(options => options.InvitationLifetime > TimeSpan.Zero, "Portal:InvitationLifetime must be positive.")
            .Validate(options => options.ConsentValidityMonths is > 0 and <= 120, "Portal:ConsentValidityMonths must be between 1 and 120.")
            .Validate(options => options.Offers.TrueForAll(offer => offer.IsComplete),
                "Each of Portal:Offers needs a Name and a Description in Danish (da) and English (en), and at least one way to reach it (Phone, Email or Url, an https address).")
            .ValidateOnStart();
    }

    /// <summary>The public address as configured (or Development's default), for setup that runs before options exist.</summary>
    public static Uri? PublicBaseUrl(IConfiguration configuration, bool development) =>
        configuration.GetValue<Uri?>($"{PortalOptions.Section}:{nameof(PortalOptions.PublicBaseUrl)}") ?? (development ? DevelopmentBaseUrl : null);

    private static bool IsPublicAddress(Uri? address) =>
        address is { IsAbsoluteUri: true, Query: "", Fragment: "" }
        && (address.Scheme == Uri.UriSchemeHttps || address.Scheme == Uri.UriSchemeHttp)
        && !string.IsNullOrEmpty(address.Host);
}
