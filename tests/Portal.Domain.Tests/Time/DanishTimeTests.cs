namespace Portal.Domain.Tests.Time;

public sealed class DanishTimeTests
{
    [Fact]
    public void A_winter_time_is_one_hour_ahead_of_UTC()
    {
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 13, 0, 0, TimeSpan.Zero), DanishTime.FromDanish(new DateOnly(2026, 11, 24), new TimeOnly(14, 0)));
    }

    [Fact]
    public void A_summer_time_is_two_hours_ahead_of_UTC()
    {
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 8, 0, 0, TimeSpan.Zero), DanishTime.FromDanish(new DateOnly(2027, 3, 28), new TimeOnly(10, 0)));
    }

    [Fact]
    public void The_hour_skipped_on_the_last_Sunday_of_March_does_not_exist()
    {
        Assert.Equal("Time.DoesNotExist", Assert.Throws<DomainException>(() => DanishTime.FromDanish(new DateOnly(2027, 3, 28), new TimeOnly(2, 30))).Code);
    }
}
