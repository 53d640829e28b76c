using Portal.Domain.Families;

namespace Portal.Domain.Tests.Families;

public sealed class ChildAgeTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("2011-11-23", 15)]
    [InlineData("2011-11-24", 14)]
    [InlineData("2011-11-22", 15)]
    [InlineData("2026-01-01", 0)]
    public void Age_counts_whole_years_and_turns_on_the_birthday(string born, int expected)
    {
        var child = new Child("Emma", DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture), Today);

        Assert.Equal(expected, child.AgeOn(Today));
    }

    [Fact]
    public void A_leap_day_child_has_their_birthday_on_1_March_in_a_common_year()
    {
        var child = new Child("Liva", new DateOnly(2012, 2, 29), Today);

        Assert.Equal(14, child.AgeOn(new DateOnly(2027, 2, 28)));
        Assert.Equal(15, child.AgeOn(new DateOnly(2027, 3, 1)));
        Assert.Equal(16, child.AgeOn(new DateOnly(2028, 2, 29)));
    }

    [Theory]
    [InlineData("2011-11-23", true)]
    [InlineData("2011-11-24", false)]
    [InlineData("2014-01-01", false)]
    public void A_young_person_logs_in_with_their_own_MitID_from_the_15th_birthday(string born, bool expected)
    {
        var child = new Child("Emma", DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture), Today);

        Assert.Equal(expected, child.MayUseOwnMitId(Today));
    }

    [Fact]
    public void A_child_cannot_be_born_in_the_future()
    {
        var error = Assert.Throws<DomainException>(() => new Child("Emma", Today.AddDays(1), Today));

        Assert.Equal("Child.BornInTheFuture", error.Code);
    }

    [Fact]
    public void An_adult_is_not_a_child()
    {
        var error = Assert.Throws<DomainException>(() => new Child("Emma", Today.AddYears(-18), Today));

        Assert.Equal("Child.Adult", error.Code);
    }

    [Fact]
    public void Today_is_the_Danish_date_even_when_it_is_still_yesterday_in_UTC()
    {
        // 23:30 UTC on 22 November is 00:30 on 23 November in Copenhagen.
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 22, 23, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 11, 23), DanishTime.Today(clock));
    }

    [Fact]
    public void Today_follows_summer_time()
    {
        // 22:30 UTC on 30 June is 00:30 on 1 July in Copenhagen (UTC+2).
        var clock = new FixedClock(new DateTimeOffset(2026, 6, 30, 22, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 7, 1), DanishTime.Today(clock));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Theory]
    [InlineData("Emma Jensen", "Emma")]
    [InlineData("  Oskar   Holm Jensen ", "Oskar")]
    [InlineData("Mads", "Mads")]
    public void Outside_the_family_the_child_is_named_by_first_name_only(string name, string firstName) =>
        Assert.Equal(firstName, Portal.Domain.Families.Child.FirstNameOf(name));
}
