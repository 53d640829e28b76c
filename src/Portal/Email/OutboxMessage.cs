namespace Portal.Email;

/// <summary>
/// An email waiting to go out. Features add it in the same transaction as the change that causes it;
/// <see cref="OutboxDispatcher"/> delivers it with retry and backoff, and marks it sent once.
/// </summary>
public sealed class OutboxMessage
{
    public const int AddressMaxLength = 320;
    public const int SubjectMaxLength = 200;
    public const int ErrorMaxLength = 200;
    public const int CalendarMethodMaxLength = 10;

    private OutboxMessage(EmailMessage message, DateTimeOffset now, Guid? regardingId)
    {
        Id = Guid.NewGuid();
        RegardingId = regardingId;
        To = message.To;
        Subject = message.Subject;
        TextBody = message.TextBody;
        HtmlBody = message.HtmlBody;
        CalendarMethod = message.Calendar?.Method;
        CalendarText = message.Calendar?.Text;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    // For EF Core.
    private OutboxMessage()
    {
        To = Subject = TextBody = HtmlBody = string.Empty;
    }

    public Guid Id { get; private set; }

    public string To { get; private set; }

    public string Subject { get; private set; }

    public string TextBody { get; private set; }

    public string HtmlBody { get; private set; }

    /// <summary>REQUEST or CANCEL when the message carries a calendar invitation.</summary>
    public string? CalendarMethod { get; private set; }

    /// <summary>The iCalendar text of the invitation, sent both inline (text/calendar) and as an .ics attachment.</summary>
    public string? CalendarText { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>When the dispatcher may try next; null once sent or given up.</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public DateTimeOffset? GaveUpAt { get; private set; }

    /// <summary>The kind of the last failure (exception type), never its message: that may hold an address.</summary>
    public string? LastError { get; private set; }

    /// <summary>What the mail is about (an invitation, a meeting participant), so staff can see whether it arrived.</summary>
    public Guid? RegardingId { get; private set; }

    /// <summary>The Message-ID header: the same on every attempt, so a receiver can drop a duplicate.</summary>
    public string MessageIdHeader => $"{Id:N}@familieportalen";

    public static OutboxMessage Create(EmailMessage message, DateTimeOffset now, Guid? regardingId = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrWhiteSpace(message.To) || message.To.Length > AddressMaxLength)
        {
            throw new ArgumentException("A recipient address is required.", nameof(message));
        }

        return new OutboxMessage(message, now, regardingId);
    }

    public void MarkSent(DateTimeOffset now)
    {
        SentAt = now;
        NextAttemptAt = null;
        Attempts++;
    }

    /// <summary>Taken by one dispatcher until <paramref name="until"/>: the others pass it by, and if that dispatcher dies it is due again then.</summary>
    public void Lease(DateTimeOffset until) => NextAttemptAt = until;

    /// <summary>
    /// A message that no retry can deliver (the address or the content cannot be carried, the server refused the
    /// recipient for good): no more tries, and kept with its reason for an administrator.
    /// </summary>
    public void MarkUndeliverable(DateTimeOffset now, string errorKind)
    {
        Attempts++;
        LastError = errorKind.Length > ErrorMaxLength ? errorKind[..ErrorMaxLength] : errorKind;
        NextAttemptAt = null;
        GaveUpAt = now;
    }

    /// <summary>Schedules the next try, doubling the wait each time up to <paramref name="maxDelay"/>.</summary>
    public void MarkFailed(DateTimeOffset now, string errorKind, TimeSpan firstDelay, TimeSpan maxDelay, int maxAttempts)
    {
        Attempts++;
        LastError = errorKind.Length > ErrorMaxLength ? errorKind[..ErrorMaxLength] : errorKind;
        if (Attempts >= maxAttempts)
        {
            NextAttemptAt = null;
            GaveUpAt = now;
            return;
        }

        var delay = TimeSpan.FromTicks(Math.Min(maxDelay.Ticks, firstDelay.Ticks * (1L << Math.Min(Attempts - 1, 30))));
        NextAttemptAt = now + delay;
    }
}

/// <summary>What staff see next to an invitation: sent, still waiting (maybe retrying), or could not be sent.</summary>
public enum DeliveryState
{
    Waiting,
    Sent,
    Failed,
}
