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
        return LinkEmail.Create(
            to,
            text["Subject"],
            [text["Greeting", name], text["Body", role]],
            text["LinkText"],
            link,
            [text["Expiry", Localization.Dates.Time(expiresAt)], text["NotYou"]]);
    }
}
