using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using Portal.Email;

namespace Portal.Pages.Staff.Admin;

/// <summary>The email that invites a member of staff or a professional to choose a password.</summary>
public sealed class StaffInvitationEmail
{
    private StaffInvitationEmail()
    {
    }

    public static EmailMessage Create(IStringLocalizer<StaffInvitationEmail> text, string to, string name, string role, string link, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(text);
        var greeting = text["Greeting", name];
        var body = text["Body", role];
        var expiry = text["Expiry", Localization.Dates.Time(expiresAt)];
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
