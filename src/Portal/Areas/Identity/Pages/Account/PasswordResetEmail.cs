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
        return LinkEmail.Create(to, text["Subject"], [text["Greeting", name], text["Body"]], text["LinkText"], link, [text["Ignore"]]);
    }
}
