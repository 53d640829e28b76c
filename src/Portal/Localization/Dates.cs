using System.Globalization;
using Portal.Domain;

namespace Portal.Localization;

/// <summary>
/// The one way the portal writes a date and a time, per language: "tirsdag 23. november 2027 kl. 10.00" in Danish,
/// "Tuesday 23 November 2027 at 10:00" in English. Times are the municipality's (Danish) local time, whatever the
/// server's zone; the language is the one the page or mail is written in.
/// </summary>
public static class Dates
{
    public static string Date(DateOnly date) => date.ToString(Danish ? "d. MMMM yyyy" : "d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string Time(DateTimeOffset instant) =>
        DanishTime.ToDanish(instant).ToString(Danish ? "dddd d. MMMM yyyy 'kl.' HH.mm" : "dddd d MMMM yyyy 'at' HH:mm", CultureInfo.CurrentCulture);

    /// <summary>The clock time alone, as in "10.00–11.30" (Danish) or "10:00–11:30" (English).</summary>
    public static string Clock(DateTimeOffset instant) => DanishTime.ToDanish(instant).ToString(Danish ? "HH.mm" : "HH:mm", CultureInfo.CurrentCulture);

    private static bool Danish => CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "da";
}
