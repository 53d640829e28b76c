using Portal.Domain.Families;
using Portal.Domain.Meetings;

namespace Portal.Domain.Tests;

/// <summary>Where the shared rules for text, addresses and invitations draw their lines, exactly.</summary>
public sealed class EdgesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Optional_text_may_be_exactly_as_long_as_allowed()
    {
        Assert.Equal("abc", Text.Optional("abc", 3, "X"));
        Assert.Equal("X.TooLong", Assert.Throws<DomainException>(() => Text.Optional("abcd", 3, "X")).Code);
    }

    [Theory]
    [InlineData("a\u202Ab", "ab")]
    [InlineData("a\u202Eb", "ab")]
    [InlineData("a\u2066b", "ab")]
    [InlineData("a\u2069b", "ab")]
    [InlineData("a\u202Fb", "a\u202Fb")]
    [InlineData("a\u2065b", "a\u2065b")]
    [InlineData("a\u206Ab", "a\u206Ab")]
    public void Exactly_the_direction_overrides_and_isolates_are_dropped(string written, string stored) =>
        Assert.Equal(stored, Text.Clean(written));

    [Fact]
    public void A_lone_half_of_a_character_at_either_end_is_dropped_and_a_whole_one_kept()
    {
        Assert.Equal("a", Text.Clean("a\uD83D"));
        Assert.Equal("a", Text.Clean("\uDE00a"));
        Assert.Equal("\uD83D\uDE00", Text.Clean("\uD83D\uDE00"));
        Assert.Equal("ab", Text.Clean("a\uD83Db"));
    }

    [Fact]
    public void Text_already_in_one_form_is_kept_as_it_is()
    {
        Assert.Equal("Sø og å", Text.Clean("Sø og å"));
        Assert.Equal("\u00e5", Text.Clean("a\u030a"));
    }

    [Fact]
    public void An_address_may_be_254_characters_with_a_64_character_name_and_63_character_labels()
    {
        var local = new string('a', 64);
        var label = new string('b', 63);
        var longest = $"{local}@{label}.{label}.{new string('c', 58)}.dk";

        Assert.Equal(254, longest.Length);
        Assert.True(EmailAddress.TryParse(longest, out _));
        Assert.Equal(longest, EmailAddress.Optional(longest, "X"));
        Assert.False(EmailAddress.TryParse("x" + longest, out _));
        Assert.Equal("X.TooLong", Assert.Throws<DomainException>(() => EmailAddress.Optional("x" + longest, "X")).Code);
        Assert.False(EmailAddress.TryParse($"{local}a@example.dk", out _));
        Assert.False(EmailAddress.TryParse($"a@{label}b.dk", out _));
        Assert.False(EmailAddress.TryParse(null, out _));
        Assert.False(EmailAddress.TryParse("  ", out _));
    }

    [Fact]
    public void An_invitation_names_the_person_and_an_address_mail_can_carry()
    {
        Assert.Equal("Invitation.Name.Required", Assert.Throws<DomainException>(() => Invite(" ", "sofie@example.dk")).Code);
        Assert.Equal("Invitation.Email.Invalid", Assert.Throws<DomainException>(() => Invite("Sofie", "sofie")).Code);
    }

    [Fact]
    public void A_used_invitation_is_not_sent_again_and_a_revoked_one_keeps_the_time_it_was_revoked()
    {
        var used = Invite("Sofie", "sofie@example.dk");
        used.Accept(Now.AddHours(1));
        var revoked = Invite("Anders", "anders@example.dk");
        revoked.Revoke(Now.AddHours(1));

        revoked.Revoke(Now.AddHours(2));

        Assert.Equal("Invitation.AlreadyUsed", Assert.Throws<DomainException>(() => used.SendAgain(Now.AddHours(2), TimeSpan.FromDays(7))).Code);
        Assert.Equal(Now.AddHours(1), revoked.RevokedAt);
        Assert.Equal(1, used.TimesSent);
    }

    [Fact]
    public void A_no_from_the_young_person_is_a_decline_and_an_invitee_s_yes_is_coming()
    {
        var caseworker = new Actor("cw", "Lars Holm", ActorRole.Caseworker);
        var meeting = NetworkMeeting.Schedule(Guid.NewGuid(), true, Now.AddDays(7), Now.AddDays(7).AddHours(1), "Rådhuset", null, "Møde", caseworker, Now);
        var lis = meeting.SuggestFromNetwork("Lis", null, null, null, null, new Actor("mother", "Sofie", ActorRole.Parent));
        var pia = meeting.AddProfessional("Pia", "Lærer", "pia@example.dk", caseworker);

        meeting.Decide(lis.Id, yes: false, new Actor("emma", "Emma", ActorRole.Youth));
        meeting.Answer(pia.Id, pia.Revision, coming: true, Now);

        Assert.Equal((ParticipantDecision.DeclinedByYoungPerson, ParticipantResponse.Coming), (lis.Decision, pia.Response));
    }

    private static Invitation Invite(string name, string email) =>
        Invitation.Send(Guid.NewGuid(), "user", name, email, InvitationKind.CustodyHolder, Now, TimeSpan.FromDays(7));
}
