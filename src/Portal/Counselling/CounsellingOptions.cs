namespace Portal.Counselling;

/// <summary>Settings for De Åbne Rådgivninger (section "Counselling").</summary>
public sealed class CounsellingOptions
{
    public const string Section = "Counselling";

    /// <summary>Closed and withdrawn requests are deleted for good after this long (default 30 days).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often lapsed offers are returned to the line and old requests deleted (zero: never by itself).</summary>
    public TimeSpan HousekeepingInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long the ticket cookie keeps a device's place without a visit (default 30 days). Each visit to the status page
    /// renews it while the request is open; once it is closed or withdrawn, the cookie is deleted. On a shared family
    /// computer a child's request does not stay on show.
    /// </summary>
    public TimeSpan TicketCookieLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Sending requests and looking up codes, per client address, kept in memory only.</summary>
    public int PermitsPerMinute { get; set; } = 20;
}
