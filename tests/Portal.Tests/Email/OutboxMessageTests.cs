using Portal.Email;

namespace Portal.Tests.Email;

public sealed class OutboxMessageTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 29, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_new_message_is_due_at_once()
    {
        var message = OutboxMessage.Create(new EmailMessage("a@example.dk", "Emne", "tekst", "<p>tekst</p>"), Now);

        Assert.Equal(Now, message.NextAttemptAt);
        Assert.Equal(0, message.Attempts);
        Assert.Null(message.SentAt);
    }

    [Fact]
    public void Each_failure_doubles_the_wait_up_to_the_maximum()
    {
        var message = OutboxMessage.Create(new EmailMessage("a@example.dk", "Emne", "tekst", "<p>tekst</p>"), Now);
        var waits = new List<TimeSpan>();
        for (var attempt = 0; attempt < 6; attempt++)
        {
            message.MarkFailed(Now, "SocketException", TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5), maxAttempts: 20);
            waits.Add(message.NextAttemptAt!.Value - Now);
        }

        Assert.Equal([30, 60, 120, 240, 300, 300], waits.Select(wait => (int)wait.TotalSeconds));
        Assert.Equal("SocketException", message.LastError);
    }

    [Fact]
    public void After_the_last_attempt_the_message_is_given_up_and_never_tried_again()
    {
        var message = OutboxMessage.Create(new EmailMessage("a@example.dk", "Emne", "tekst", "<p>tekst</p>"), Now);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            message.MarkFailed(Now, "AuthenticationException", TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), maxAttempts: 3);
        }

        Assert.Null(message.NextAttemptAt);
        Assert.Equal(Now, message.GaveUpAt);
    }

    [Fact]
    public void A_sent_message_is_no_longer_due()
    {
        var message = OutboxMessage.Create(new EmailMessage("a@example.dk", "Emne", "tekst", "<p>tekst</p>"), Now);

        message.MarkSent(Now.AddSeconds(1));

        Assert.Null(message.NextAttemptAt);
        Assert.Equal(Now.AddSeconds(1), message.SentAt);
    }

    [Fact]
    public void A_message_needs_a_recipient()
    {
        Assert.Throws<ArgumentException>(() => OutboxMessage.Create(new EmailMessage(" ", "Emne", "tekst", "<p>tekst</p>"), Now));
    }
}
