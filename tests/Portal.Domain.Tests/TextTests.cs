namespace Portal.Domain.Tests;

public sealed class TextTests
{
    [Fact]
    public void Control_characters_and_direction_overrides_are_dropped_but_line_breaks_tabs_and_emoji_stay()
    {
        var cleaned = Text.Required("  Emma\u0000\u0007 \u202Eesrever\u202C 👩‍👧\r\nlinje 2\tfane\u0085 ", 100, "Test.Text");

        Assert.Equal("Emma esrever 👩‍👧\nlinje 2\tfane", cleaned);
    }

    [Fact]
    public void The_same_letter_written_two_ways_is_stored_one_way()
    {
        var decomposed = "Sore\u0301n";

        Assert.Equal("Sorén", Text.Required(decomposed, 10, "Test.Text"));
    }

    [Fact]
    public void A_broken_character_is_dropped_rather_than_stored()
    {
        Assert.Equal("ab", Text.Required("a\uD800b", 10, "Test.Text"));
        Assert.Equal("😀", Text.Required("\uD83D\uDE00", 10, "Test.Text"));
    }

    [Fact]
    public void Text_of_only_invisible_characters_counts_as_nothing_written()
    {
        Assert.Null(Text.Optional("\u0000\u202E \u0007", 10, "Test.Text"));
        Assert.Equal("Test.Text.Required", Assert.Throws<DomainException>(() => Text.Required("\u0001", 10, "Test.Text")).Code);
    }

    [Fact]
    public void The_length_is_checked_after_cleaning()
    {
        Assert.Equal("abc", Text.Required("a\u0000b\u0000c\u0000", 3, "Test.Text"));
        Assert.Equal("Test.Text.TooLong", Assert.Throws<DomainException>(() => Text.Required("abcd", 3, "Test.Text")).Code);
    }
}
