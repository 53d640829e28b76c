using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Email;
using Portal.Tests.Infrastructure;
using Portal.TestSupport;

namespace Portal.Tests.Email;

/// <summary>The outbox against a real SMTP server on loopback (Debian's aiosmtpd), including an outage.</summary>
public sealed class OutboxSmtpTests : IAsyncLifetime
{
    private SmtpServer _smtp = null!;
    private PortalFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _smtp = await SmtpServer.StartAsync();
        _factory = PortalFactory.With(new Dictionary<string, string?>(_smtp.PortalSettings()) { ["Mail:Smtp:Timeout"] = "00:00:05" });
    }

    [Fact]
    public async Task A_message_written_to_the_outbox_arrives_at_the_smtp_server()
    {
        await EnqueueAsync("foraelder@example.dk", "Din kvittering – samtykke givet til Sundhedsplejen");

        var messages = await _smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(20));

        var message = Assert.Single(messages);
        Assert.Equal("Din kvittering – samtykke givet til Sundhedsplejen", message.Subject);
        Assert.Equal("foraelder@example.dk", message.To.Mailboxes.Single().Address);
        Assert.Equal("Familieportalen", message.From.Mailboxes.Single().Name);
        Assert.Contains("Hej Søren, tak for dit svar.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<p>Hej Søren, tak for dit svar.</p>", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_survives_an_smtp_outage_and_arrives_exactly_once()
    {
        _smtp.Stop();
        var id = await EnqueueAsync("foraelder@example.dk", "Sendt under nedbrud");

        // Wait until the dispatcher has really failed at least twice, then bring the server back.
        await WaitUntilAsync(async () => (await ReadAsync(id)).Attempts >= 2, TimeSpan.FromSeconds(20));
        Assert.Null((await ReadAsync(id)).SentAt);
        Assert.Empty(_smtp.ReceivedFiles());
        await _smtp.StartAgainAsync();

        var messages = await _smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(20));
        Assert.Equal("Sendt under nedbrud", Assert.Single(messages).Subject);

        // Give the dispatcher time for several more rounds: nothing is sent twice.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(_smtp.ReceivedFiles());
        var stored = await ReadAsync(id);
        Assert.NotNull(stored.SentAt);
        Assert.Null(stored.NextAttemptAt);
    }

    private async Task<Guid> EnqueueAsync(string to, string subject)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var message = OutboxMessage.Create(new EmailMessage(to, subject, "Hej Søren, tak for dit svar.", "<p>Hej Søren, tak for dit svar.</p>"), DateTimeOffset.UtcNow);
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    private async Task<OutboxMessage> ReadAsync(Guid id)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await db.OutboxMessages.FindAsync(id) ?? throw new InvalidOperationException("Message vanished.");
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for the dispatcher.");
            await Task.Delay(100);
        }
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        _factory.DeleteDataFolder();
        _smtp.Dispose();
        return Task.CompletedTask;
    }
}
