using MimeKit;

namespace Portal.Email;

/// <summary>Hands one finished MIME message to the outside world.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
