using Microsoft.Extensions.Localization;

namespace Portal.Pages.Counselling;

/// <summary>An honest, rough wait from how many offers the service made in the last four weeks.</summary>
public static class WaitEstimate
{
    public static string Describe(IStringLocalizer text, int place, double offersPerWeek)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (offersPerWeek <= 0)
        {
            return text["WaitUnknown"];
        }

        var weeks = place / offersPerWeek;
        if (weeks < 1)
        {
            return text["WaitUnderAWeek"];
        }

        var low = (int)Math.Floor(weeks);
        return text["WaitWeeks", low, low + 1];
    }
}
