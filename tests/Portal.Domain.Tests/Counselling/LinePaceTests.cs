using Portal.Domain.Counselling;

namespace Portal.Domain.Tests.Counselling;

/// <summary>The line's pace and the wait told from it: honest when there is enough to go on, and silent when not.</summary>
public sealed class LinePaceTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static IEnumerable<DateTimeOffset> DaysAgo(params double[] days) => days.Select(day => Now.AddDays(-day));

    [Fact]
    public void Six_offers_in_the_last_four_weeks_are_enough_and_the_recent_pace_is_used()
    {
        var pace = LinePace.Measure(DaysAgo(1, 5, 9, 13, 20, 27, 40, 41, 42), Now);

        Assert.Equal(new LinePace(6, 4), pace);
        Assert.True(pace.IsKnown);
    }

    [Fact]
    public void Too_few_recent_offers_look_further_back_to_eight_and_then_twelve_weeks()
    {
        Assert.Equal(new LinePace(6, 8), LinePace.Measure(DaysAgo(1, 5, 9, 13, 20, 40), Now));
        Assert.Equal(new LinePace(6, 12), LinePace.Measure(DaysAgo(1, 5, 9, 60, 70, 83), Now));
    }

    [Fact]
    public void Fewer_than_six_offers_in_twelve_weeks_is_not_enough_to_say_anything()
    {
        var pace = LinePace.Measure(DaysAgo(1, 2, 3, 4, 5, 90, 100), Now);

        Assert.Equal(new LinePace(5, 12), pace);
        Assert.False(pace.IsKnown);
        Assert.Null(pace.WaitFor(1));
        Assert.Null(LinePace.Measure([], Now).WaitFor(3));
    }

    [Fact]
    public void An_offer_made_now_counts_one_exactly_a_period_ago_does_not_and_the_future_is_not_yet()
    {
        Assert.Equal(new LinePace(6, 4), LinePace.Measure([Now, .. DaysAgo(1, 2, 3, 4, 27.9)], Now));
        Assert.Equal(new LinePace(6, 8), LinePace.Measure([.. DaysAgo(0, 1, 2, 3, 4, 28)], Now));
        Assert.Equal(new LinePace(4, 12), LinePace.Measure([Now.AddMinutes(1), .. DaysAgo(1, 2, 3, 4, 84, 85)], Now));
    }

    [Fact]
    public void Offers_older_than_the_longest_period_can_go()
    {
        Assert.Equal(TimeSpan.FromDays(84), LinePace.LongestPeriod);
        Assert.Equal([4, 8, 12], LinePace.PeriodsInWeeks);
    }

    [Theory]
    [InlineData(12, 4, 10, 2, 5)] // 3 a week: number 10 waits about 3⅓ weeks, give or take 1
    [InlineData(6, 4, 1, 0, 2)] // 1½ a week: number 1 could be soon, or in two weeks
    [InlineData(28, 4, 1, 0, 1)] // 7 a week: under a week
    [InlineData(6, 12, 4, 4, 12)] // ½ a week: number 4 waits 8 weeks, give or take 4
    public void The_wait_is_the_place_divided_by_the_pace_give_or_take_its_square_root(int offers, int weeks, int place, int from, int to)
    {
        Assert.Equal(new WaitRange(from, to), new LinePace(offers, weeks).WaitFor(place));
    }

    [Fact]
    public void A_range_that_ends_within_a_week_is_under_a_week_and_one_that_starts_at_zero_could_be_soon()
    {
        Assert.True(new WaitRange(0, 1).UnderAWeek);
        Assert.False(new WaitRange(0, 2).UnderAWeek);
        Assert.True(new WaitRange(0, 2).CouldBeSoon);
        Assert.False(new WaitRange(1, 2).CouldBeSoon);
    }

    [Fact]
    public void Making_an_offer_records_that_the_line_moved_and_when_with_nothing_about_the_person()
    {
        var request = CounsellingRequest.Ask(1, 1, new string('a', 64), Asker.Youth, Topic.Grief, CounsellingForm.Individual, "Hej", "ung@example.dk", Now);

        var made = request.Offer([request], Now.AddDays(7), null, online: true, "Mette", Now.AddDays(3), Now);

        Assert.Equal(Now, made.At);
        Assert.Equal(["At", "Id"], typeof(OfferMade).GetProperties().Select(property => property.Name).Order());
    }
}
