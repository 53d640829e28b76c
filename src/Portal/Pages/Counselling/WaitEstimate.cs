using Microsoft.Extensions.Localization;
using Portal.Domain.Counselling;

namespace Portal.Pages.Counselling;

/// <summary>The wait, told honestly: a range from the line's real pace and what it is based on, or that we cannot say yet.</summary>
public static class WaitEstimate
{
    public static string Describe(IStringLocalizer text, LinePace pace, int place)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(pace);
        if (pace.WaitFor(place) is not { } wait)
        {
            return text["WaitUnknown", LinePace.PeriodsInWeeks[^1]];
        }

        var estimate = wait.UnderAWeek ? text["WaitUnderAWeek"]
            : wait.CouldBeSoon ? text["WaitUpTo", wait.ToWeeks]
            : text["WaitWeeks", wait.FromWeeks, wait.ToWeeks];
        return $"{estimate} {text["WaitBasis", pace.Offers, pace.Weeks]}";
    }
}
