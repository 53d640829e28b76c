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

    /// <summary>The portal's address as families reach it, for links in mail sent outside a request (reminders).</summary>
    public Uri PublicBaseUrl { get; set; } = new("http://localhost:5080");

    /// <summary>How often the reminder service looks for consents about to expire (zero: never by itself).</summary>
    public TimeSpan ConsentReminderInterval { get; set; } = TimeSpan.FromHours(1);
}
