using Portal.Identity;

namespace Portal.Tests.Accounts;

public sealed class CommonPasswordsTests
{
    private static readonly CommonPasswords Passwords = new();

    [Fact]
    public void The_whole_list_is_loaded() => Assert.Equal(49_233, Passwords.Count);

    [Theory]
    [InlineData("password")]
    [InlineData("PASSWORD1234")]
    [InlineData("qwertyuiop123!")]
    [InlineData("123456789012")]
    [InlineData("iloveyou2026!!")]
    public void Common_passwords_and_common_words_with_digits_added_are_refused(string password) => Assert.True(Passwords.IsCommon(password));

    [Theory]
    [InlineData("blå cykel på vej hjem")]
    [InlineData("Blaabaer-Cykel-Hjem-42")]
    [InlineData("solsikker i vindueskarmen")]
    public void Passphrases_are_accepted(string password) => Assert.False(Passwords.IsCommon(password));
}
