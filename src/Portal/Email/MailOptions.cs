using MailKit.Security;

namespace Portal.Email;

public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>"PickupFolder" (default: each message as an .eml file) or "Smtp".</summary>
    public string Transport { get; set; } = "PickupFolder";

    /// <summary>Relative to the data folder unless absolute.</summary>
    public string PickupFolder { get; set; } = "mail";

    public string FromAddress { get; set; } = "no-reply@familieportalen.example";

    public string FromName { get; set; } = "Familieportalen";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>How often the dispatcher looks for due messages when nobody has woken it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    public int MaxAttempts { get; set; } = 20;

    /// <summary>How many messages go out at once (each on its own connection), so one hanging send does not stall the queue.</summary>
    public int ParallelSends { get; set; } = 4;

    /// <summary>How long a dispatcher holds the messages it took before another instance may take them (it died meanwhile).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = string.Empty;

    public int Port { get; set; } = 587;

    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>For connecting and for each command: a server that does not answer in time is tried again later.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
