namespace Portal.Domain.Counselling;

/// <summary>
/// How fast the line moves: the offers made over the shortest recent period (4, 8 or 12 weeks) that holds enough of
/// them to say something. With fewer than <see cref="EnoughOffers"/> in 12 weeks the pace is unknown, and the portal
/// says so rather than guess.
/// </summary>
public sealed record LinePace(int Offers, int Weeks)
{
    public const int EnoughOffers = 6;

    /// <summary>The periods tried, shortest first: the recent pace counts most, when there is enough of it.</summary>
    public static IReadOnlyList<int> PeriodsInWeeks { get; } = [4, 8, 12];

    /// <summary>How far back offers matter at all; older ones can be deleted.</summary>
    public static TimeSpan LongestPeriod => TimeSpan.FromDays(7 * PeriodsInWeeks[^1]);

    public bool IsKnown => Offers >= EnoughOffers;

    public static LinePace Measure(IEnumerable<DateTimeOffset> offersMade, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(offersMade);
        var made = offersMade.Where(at => at <= now).ToList();
        var counted = PeriodsInWeeks.Select(weeks => new LinePace(made.Count(at => at > now.AddDays(-7 * weeks)), weeks)).ToList();
        return counted.FirstOrDefault(pace => pace.IsKnown) ?? counted[^1];
    }

    /// <summary>
    /// The wait in whole weeks for the person at <paramref name="place"/>, or null when the pace is unknown. Offers come
    /// one at a time at the measured pace, so the wait for the n-th is about n ÷ pace, give or take √n ÷ pace: the range
    /// is that, widened to whole weeks.
    /// </summary>
    public WaitRange? WaitFor(int place)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(place, 1);
        if (!IsKnown)
        {
            return null;
        }

        var perWeek = (double)Offers / Weeks;
        var expected = place / perWeek;
        var giveOrTake = Math.Sqrt(place) / perWeek;
        // The give-or-take is never zero, so the range always spans at least a week.
        return new WaitRange((int)Math.Floor(Math.Max(0, expected - giveOrTake)), (int)Math.Ceiling(expected + giveOrTake));
    }
}

/// <summary>A wait of <see cref="FromWeeks"/> to <see cref="ToWeeks"/> weeks.</summary>
public readonly record struct WaitRange(int FromWeeks, int ToWeeks)
{
    /// <summary>It may well come within a week.</summary>
    public bool UnderAWeek => ToWeeks <= 1;

    /// <summary>It could come any day now, or not for <see cref="ToWeeks"/> weeks: "up to", not "0–n".</summary>
    public bool CouldBeSoon => FromWeeks == 0;
}
