using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Portal.Email;

public sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };

        // Timeout covers each command; the connection attempt (name lookup, TCP, TLS) gets the same limit of its own.
        using (var connecting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            connecting.CancelAfter(smtp.Timeout);
            try
            {
                await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security, connecting.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException("The mail server did not accept a connection in time.");
            }
        }

        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
