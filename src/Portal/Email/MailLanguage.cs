using System.Globalization;
using Portal.Localization;

namespace Portal.Email;

/// <summary>
/// Mail is written in its recipient's language, not in the language of the person whose change sent it: the language a
/// person with an account last chose (<see cref="Data.PortalUser.Language"/>), Danish for everybody else.
/// </summary>
public static class MailLanguage
{
    /// <summary>Writes one message (texts, dates, numbers) in <paramref name="language"/>, then puts the caller's back.</summary>
    public static T In<T>(string? language, Func<T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = LocalizationSetup.CultureOf(language);
        try
        {
            return write();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}
