using System.Text.RegularExpressions;
using MimeKit;

namespace Portal.Tests.Infrastructure;

/// <summary>Reads the portal's outgoing mail from its pickup folder, as the recipient would see it.</summary>
public static partial class Mailbox
{
    public static async Task<IReadOnlyList<MimeMessage>> WaitForMailAsync(this PortalFactory factory, string to, int count = 1)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var messages = new List<MimeMessage>();
            if (Directory.Exists(factory.MailFolder))
            {
                foreach (var file in Directory.EnumerateFiles(factory.MailFolder, "*.eml"))
                {
                    var message = await MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(mailbox => mailbox.Address == to))
                    {
                        messages.Add(message);
                    }
                }
            }

            if (messages.Count >= count)
            {
                return [.. messages.OrderBy(message => message.Date)];
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Expected {count} email(s) to {to}, found {messages.Count}.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The first link to this portal in the message's plain text, as a path and query.</summary>
    public static string PortalLink(this MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new Uri(Link().Match(message.TextBody ?? string.Empty).Value).PathAndQuery;
    }

    [GeneratedRegex(@"https://localhost/\S+")]
    private static partial Regex Link();
}
