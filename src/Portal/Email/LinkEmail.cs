using System.Text.Encodings.Web;

namespace Portal.Email;

/// <summary>
/// A short mail whose point is one link (an invitation, a password reset): paragraphs before the link, the link, and
/// paragraphs after it, as HTML and as plain text with the bare address.
/// </summary>
public static class LinkEmail
{
    public static EmailMessage Create(string to, string subject, IReadOnlyList<string> before, string linkText, string link, IReadOnlyList<string> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var encode = HtmlEncoder.Default;
        var html = string.Concat(
            string.Concat(before.Select(paragraph => $"<p>{encode.Encode(paragraph)}</p>\n")),
            $"<p><a href=\"{encode.Encode(link)}\">{encode.Encode(linkText)}</a></p>\n",
            string.Concat(after.Select(paragraph => $"<p>{encode.Encode(paragraph)}</p>\n")));
        var plain = string.Join("\n\n", [.. before, link, .. after]) + "\n";
        return new EmailMessage(to, subject, plain, html);
    }
}
