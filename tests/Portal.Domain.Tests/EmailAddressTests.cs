namespace Portal.Domain.Tests;

public sealed class EmailAddressTests
{
    /// <summary>Addresses people really have; shared with the integration test that proves mail and calendars carry them.</summary>
    public static readonly TheoryData<string> Accepted = new()
    {
        "sofie@example.dk",
        "anders.jensen@kommune.example",
        "o'brien@example.com",
        "emma+skole@example.dk",
        "pia_holm@skole-nord.example.dk",
        "a@b.dk",
    };

    /// <summary>Addresses a form could be sent, that mail or a calendar invitation cannot carry (or that are no address).</summary>
    public static readonly TheoryData<string> Refused = new()
    {
        "x<script>alert(1)</script>@example.com",
        "a(b)c@example.com",
        "søren@example.dk",
        "sofie@exämple.dk",
        "sofie@example",
        "sofie@@example.dk",
        "sofie@example..dk",
        ".sofie@example.dk",
        "sofie.@example.dk",
        "so..fie@example.dk",
        "sofie @example.dk",
        "sofie@example.dk\r\nBcc: x@evil.test",
        "\"quoted\"@example.dk",
        "sofie@-example.dk",
        "sofie@example.d1",
        "@example.dk",
        "sofie@",
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Ordinary_addresses_are_accepted_as_written_but_trimmed(string address)
    {
        Assert.True(EmailAddress.TryParse(" " + address + " ", out var parsed));
        Assert.Equal(address, parsed.Value);
        Assert.Equal(address, EmailAddress.Required(address, "Test.Email"));
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Addresses_that_mail_cannot_carry_are_refused_with_a_code(string address)
    {
        Assert.False(EmailAddress.TryParse(address, out _));
        Assert.Equal("Test.Email.Invalid", Assert.Throws<DomainException>(() => EmailAddress.Required(address, "Test.Email")).Code);
    }

    [Fact]
    public void Nothing_written_is_no_address_or_required_and_too_long_is_said_as_such()
    {
        Assert.Null(EmailAddress.Optional("  ", "Test.Email"));
        Assert.Equal("Test.Email.Required", Assert.Throws<DomainException>(() => EmailAddress.Required(null, "Test.Email")).Code);
        var tooLong = new string('a', 60) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 4)) + ".dk";
        Assert.Equal("Test.Email.TooLong", Assert.Throws<DomainException>(() => EmailAddress.Required(tooLong, "Test.Email")).Code);
        Assert.False(EmailAddress.TryParse(new string('a', 65) + "@example.dk", out _));
    }
}
