using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using Portal.Domain;
using Portal.Email;

namespace Portal.Pages.Staff.Cases;

/// <summary>The invitation email: who it is for, the link, and until when it works. Nothing about the child.</summary>
public sealed class InvitationEmail
{
    private InvitationEmail()
    {
    }

    public static EmailMessage Create(IStringLocalizer<InvitationEmail> text, string to, string name, string link, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(text);
        var expires = Localization.Dates.Time(expiresAt);
        var greeting = text["Greeting", name];
        var body = text["Body"];
        var expiry = text["Expiry", expires];
        var notYou = text["NotYou"];
        var encode = HtmlEncoder.Default;
        var html = $"""
            <p>{encode.Encode(greeting)}</p>
            <p>{encode.Encode(body)}</p>
            <p><a href="{encode.Encode(link)}">{encode.Encode(text["LinkText"])}</a></p>
            <p>{encode.Encode(expiry)}</p>
            <p>{encode.Encode(notYou)}</p>
            """;
        var plain = $"{greeting}\n\n{body}\n\n{link}\n\n{expiry}\n\n{notYou}\n";
        return new EmailMessage(to, text["Subject"], plain, html);
    }
}
