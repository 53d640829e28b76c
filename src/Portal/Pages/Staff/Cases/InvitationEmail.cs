using System.Globalization;
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
        return LinkEmail.Create(
            to,
            text["Subject"],
            [text["Greeting", name], text["Body"]],
            text["LinkText"],
            link,
            [text["Expiry", Localization.Dates.Time(expiresAt)], text["NotYou"]]);
    }
}
