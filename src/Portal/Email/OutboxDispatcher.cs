using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Portal.Data;

namespace Portal.Email;

/// <summary>Delivers due outbox messages, a few at a time, and records each outcome as soon as it is known.</summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IMailTransport transport,
    OutboxSignal signal,
    IOptions<MailOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueMessagesAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogDispatchFailed(logger, exception.GetType().Name);
            }

            await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
        }
    }

    /// <summary>Sends every message that is due now. Public so tests and tools can drive one round.</summary>
    public async Task SendDueMessagesAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var due = await ClaimAsync(db, settings, cancellationToken);
            if (due.Count == 0)
            {
                return;
            }

            // A few at a time, so one slow or hanging server connection does not hold up the rest; each outcome is
            // recorded as soon as it is known, so a message that went out is never sent again.
            using var recording = new SemaphoreSlim(1, 1);
            var recorded = new HashSet<Guid>();
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.ParallelSends), CancellationToken = cancellationToken };
            try
            {
                await Parallel.ForEachAsync(due, parallel, async (message, token) =>
                {
                    var failure = await TrySendAsync(message, settings, token);
                    await recording.WaitAsync(CancellationToken.None);
                    try
                    {
                        Record(message, failure, settings);
                        await db.SaveChangesAsync(CancellationToken.None);
                        recorded.Add(message.Id);
                    }
                    finally
                    {
                        recording.Release();
                    }
                });
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The instance is stopping: what it claimed and has no outcome for is due again at once, so another
                // instance sends it now instead of when the lease ends.
                var now = clock.GetUtcNow();
                due.Where(message => !recorded.Contains(message.Id)).ToList().ForEach(message => message.Lease(now));
                await db.SaveChangesAsync(CancellationToken.None);
                throw;
            }

            if (due.Count < BatchSize)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Takes up to a batch of due messages for this instance: each is leased (its next attempt moved past the lease) in a
    /// short transaction, so another instance's dispatcher skips it. On PostgreSQL the rows are locked with SKIP LOCKED, so
    /// two dispatchers never wait for or take the same message. If this instance dies before recording an outcome, the
    /// message is due again when the lease ends, and another instance sends it (the same Message-ID lets a receiver drop a
    /// duplicate).
    /// </summary>
    private async Task<List<OutboxMessage>> ClaimAsync(PortalDbContext db, MailOptions settings, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var due = db.Database.IsNpgsql()
            ? await db.OutboxMessages.FromSql($"SELECT * FROM \"OutboxMessages\" WHERE \"NextAttemptAt\" <= {Binary(now)} ORDER BY \"NextAttemptAt\" LIMIT {BatchSize} FOR UPDATE SKIP LOCKED").ToListAsync(cancellationToken)
            : await db.OutboxMessages.Where(message => message.NextAttemptAt != null && message.NextAttemptAt <= now).OrderBy(message => message.NextAttemptAt).Take(BatchSize).ToListAsync(cancellationToken);
        due.ForEach(message => message.Lease(now + settings.Lease));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return due;
    }

    // NextAttemptAt is stored as ticks with the offset (see OutboxMessageConfiguration); raw SQL compares the same numbers.
    private static long Binary(DateTimeOffset instant) => (long)OutboxMessageConfiguration.NextAttemptAtInDatabase.ConvertToProvider(instant)!;

    /// <returns>Null when sent; otherwise the failure.</returns>
    private async Task<Exception?> TrySendAsync(OutboxMessage message, MailOptions settings, CancellationToken cancellationToken)
    {
        try
        {
            await transport.SendAsync(ToMime(message, settings), cancellationToken);
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return exception;
        }
    }

    private void Record(OutboxMessage message, Exception? failure, MailOptions settings)
    {
        var now = clock.GetUtcNow();
        if (failure is null)
        {
            message.MarkSent(now);
            LogSent(logger, message.Id, message.Attempts);
        }
        else if (IsPermanent(failure))
        {
            message.MarkUndeliverable(now, failure.GetType().Name);
            LogUndeliverable(logger, message.Id, failure.GetType().Name);
        }
        else
        {
            message.MarkFailed(now, failure.GetType().Name, settings.FirstRetryDelay, settings.MaxRetryDelay, settings.MaxAttempts);
            if (message.GaveUpAt is null)
            {
                LogRetrying(logger, message.Id, message.Attempts, failure.GetType().Name);
            }
            else
            {
                LogGaveUp(logger, message.Id, message.Attempts, failure.GetType().Name);
            }
        }
    }

    /// <summary>
    /// Failures no retry can mend: an address or content MimeKit cannot write, or the server refusing the recipient or
    /// the message for good (a 5xx reply). A 4xx reply, a timeout or a lost connection is tried again later.
    /// </summary>
    private static bool IsPermanent(Exception failure) => failure switch
    {
        ParseException or FormatException or ArgumentException => true,
        MailKit.Net.Smtp.SmtpCommandException command => (int)command.StatusCode >= 500
            && command.ErrorCode is MailKit.Net.Smtp.SmtpErrorCode.RecipientNotAccepted or MailKit.Net.Smtp.SmtpErrorCode.MessageNotAccepted,
        _ => false,
    };

    private static MimeMessage ToMime(OutboxMessage message, MailOptions settings)
    {
        var mime = new MimeMessage
        {
            MessageId = message.MessageIdHeader,
            Subject = message.Subject,
            Date = message.CreatedAt,
            Body = Body(message),
        };
        mime.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        mime.To.Add(MailboxAddress.Parse(message.To));
        return mime;
    }

    /// <summary>
    /// Text and HTML; with an invitation also a text/calendar part with its METHOD (what Outlook and Gmail act on) and the
    /// same text as an invitation.ics attachment (what other mail programs offer to open).
    /// </summary>
    private static MimeEntity Body(OutboxMessage message)
    {
        if (message.CalendarText is null || message.CalendarMethod is null)
        {
            return new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        }

        var calendar = new TextPart("calendar") { Text = message.CalendarText, ContentTransferEncoding = ContentEncoding.Base64 };
        calendar.ContentType.Charset = "utf-8";
        calendar.ContentType.Parameters.Add("method", message.CalendarMethod);
        var alternative = new MultipartAlternative
        {
            new TextPart("plain") { Text = message.TextBody },
            new TextPart("html") { Text = message.HtmlBody },
            calendar,
        };
        var attachment = new MimePart("application", "ics")
        {
            Content = new MimeContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(message.CalendarText))),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = "invitation.ics",
        };
        return new Multipart("mixed") { alternative, attachment };
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Sent outbox message {MessageId} on attempt {Attempt}")]
    private static partial void LogSent(ILogger logger, Guid messageId, int attempt);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Outbox message {MessageId} failed on attempt {Attempt} ({ErrorKind}); will retry")]
    private static partial void LogRetrying(ILogger logger, Guid messageId, int attempt, string errorKind);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "Gave up on outbox message {MessageId} after {Attempt} attempts ({ErrorKind})")]
    private static partial void LogGaveUp(ILogger logger, Guid messageId, int attempt, string errorKind);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Error, Message = "Outbox message {MessageId} cannot be delivered ({ErrorKind}); kept for an administrator")]
    private static partial void LogUndeliverable(ILogger logger, Guid messageId, string errorKind);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Error, Message = "Outbox round failed ({ErrorKind}); trying again later")]
    private static partial void LogDispatchFailed(ILogger logger, string errorKind);
}
