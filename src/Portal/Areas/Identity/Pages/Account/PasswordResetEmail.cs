using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using Portal.Email;

namespace Portal.Areas.Identity.Pages.Account;

/// <summary>The email with a link to choose a new password.</summary>
public sealed class PasswordResetEmail
{
    private PasswordResetEmail()
    {
    }

    public static EmailMessage Create(IStringLocalizer<PasswordResetEmail> text, string to, string name, string link)
    {
        ArgumentNullException.ThrowIfNull(text);
        var subject = text["Subject"];
        var greeting = text["Greeting", name];
        var body = text["Body"];
        var ignore = text["Ignore"];
        var encode = HtmlEncoder.Default;
        var html = $"""
            <p>{encode.Encode(greeting)}</p>
            <p>{encode.Encode(body)}</p>
            <p><a href="{encode.Encode(link)}">{encode.Encode(text["LinkText"])}</a></p>
            <p>{encode.Encode(ignore)}</p>
            """;
        var plain = $"{greeting}\n\n{body}\n\n{link}\n\n{ignore}\n";
        return new EmailMessage(to, subject, plain, html);
    }
}
