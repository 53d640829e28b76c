using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Portal.Data;

namespace Portal.Email;

/// <summary>Delivers due outbox messages, one at a time, and records each outcome before the next.</summary>
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
            var now = clock.GetUtcNow();
            var due = await db.OutboxMessages
                .Where(message => message.NextAttemptAt != null && message.NextAttemptAt <= now)
                .OrderBy(message => message.NextAttemptAt)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                return;
            }

            foreach (var message in due)
            {
                try
                {
                    await transport.SendAsync(ToMime(message, settings), cancellationToken);
                    message.MarkSent(clock.GetUtcNow());
                    LogSent(logger, message.Id, message.Attempts);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    message.MarkFailed(clock.GetUtcNow(), exception.GetType().Name, settings.FirstRetryDelay, settings.MaxRetryDelay, settings.MaxAttempts);
                    if (message.GaveUpAt is null)
                    {
                        LogRetrying(logger, message.Id, message.Attempts, exception.GetType().Name);
                    }
                    else
                    {
                        LogGaveUp(logger, message.Id, message.Attempts, exception.GetType().Name);
                    }
                }

                // Record each outcome at once: a message that went out is never sent again.
                await db.SaveChangesAsync(CancellationToken.None);
            }

            if (due.Count < BatchSize)
            {
                return;
            }
        }
    }

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

    [LoggerMessage(EventId = 2004, Level = LogLevel.Error, Message = "Outbox round failed ({ErrorKind}); trying again later")]
    private static partial void LogDispatchFailed(ILogger logger, string errorKind);
}
