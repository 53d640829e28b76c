using Microsoft.Extensions.Options;
using MimeKit;
using Portal.Data;

namespace Portal.Email;

/// <summary>Writes each message as an .eml file, so the portal runs on a machine without a mail server.</summary>
public sealed class PickupFolderMailTransport(IOptions<MailOptions> options, DataFolder dataFolder) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var folder = dataFolder.Resolve(options.Value.PickupFolder);
        Directory.CreateDirectory(folder);

        // Write under a temporary name and rename, so a reader never sees half a message.
        var name = $"{(message.MessageId ?? Guid.NewGuid().ToString("N")).Split('@')[0]}.eml";
        var temporary = Path.Combine(folder, name + ".tmp");
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, Path.Combine(folder, name), overwrite: true);
    }
}
