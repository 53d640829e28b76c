using Portal.Domain.Families;

namespace Portal.Domain.Tests.Families;

public sealed class InvitationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    [Fact]
    public void An_invitation_can_be_used_once_before_it_expires()
    {
        var invitation = Invitation.Send(Guid.NewGuid(), "user", "Sofie", "sofie@example.dk", InvitationKind.CustodyHolder, Now, Week);

        invitation.Accept(Now.AddDays(6));

        Assert.Equal(InvitationState.Accepted, invitation.StateAt(Now.AddDays(6)));
        Assert.Equal("Invitation.AlreadyUsed", Assert.Throws<DomainException>(() => invitation.Accept(Now.AddDays(6))).Code);
    }

    [Fact]
    public void An_expired_invitation_cannot_be_used()
    {
        var invitation = Invitation.Send(Guid.NewGuid(), "user", "Sofie", "sofie@example.dk", InvitationKind.CustodyHolder, Now, Week);

        Assert.Equal(InvitationState.Waiting, invitation.StateAt(Now + Week - TimeSpan.FromSeconds(1)));
        Assert.Equal(InvitationState.Expired, invitation.StateAt(Now + Week));
        Assert.Equal("Invitation.Expired", Assert.Throws<DomainException>(() => invitation.Accept(Now + Week)).Code);
    }

    [Fact]
    public void Sending_again_gives_a_new_expiry_even_after_the_old_one_expired()
    {
        var invitation = Invitation.Send(Guid.NewGuid(), "user", "Sofie", "sofie@example.dk", InvitationKind.CustodyHolder, Now, Week);

        invitation.SendAgain(Now.AddDays(10), Week);

        Assert.Equal(InvitationState.Waiting, invitation.StateAt(Now.AddDays(16)));
        Assert.Equal(2, invitation.TimesSent);
    }

    [Fact]
    public void A_revoked_invitation_cannot_be_used_or_sent_again()
    {
        var invitation = Invitation.Send(Guid.NewGuid(), "user", "Sofie", "sofie@example.dk", InvitationKind.CustodyHolder, Now, Week);

        invitation.Revoke(Now.AddHours(1));

        Assert.Equal("Invitation.Revoked", Assert.Throws<DomainException>(() => invitation.Accept(Now.AddHours(2))).Code);
        Assert.Equal("Invitation.Revoked", Assert.Throws<DomainException>(() => invitation.SendAgain(Now.AddHours(2), Week)).Code);
    }

    [Fact]
    public void A_used_invitation_cannot_be_revoked()
    {
        var invitation = Invitation.Send(Guid.NewGuid(), "user", "Sofie", "sofie@example.dk", InvitationKind.CustodyHolder, Now, Week);
        invitation.Accept(Now.AddHours(1));

        Assert.Equal("Invitation.AlreadyUsed", Assert.Throws<DomainException>(() => invitation.Revoke(Now.AddHours(2))).Code);
    }

    [Fact]
    public void A_custody_holder_may_take_the_invitation_with_MitID_and_the_child_from_the_15th_birthday()
    {
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        var child = new Child("Ida Berg", today.AddYears(-15).AddDays(1), today);
        var parent = Invitation.Send(child.Id, "parent", "Sara Berg", "sara@example.dk", InvitationKind.CustodyHolder, Now, Week);
        var youth = Invitation.Send(child.Id, "youth", "Ida Berg", "ida@example.dk", InvitationKind.Youth, Now, Week);

        Assert.True(parent.MayBeAcceptedWithMitId(child, today));
        Assert.False(youth.MayBeAcceptedWithMitId(child, today));
        Assert.True(youth.MayBeAcceptedWithMitId(child, today.AddDays(1)));
    }

    [Fact]
    public void Whether_MitID_may_be_used_is_only_asked_about_the_invitation_s_own_child()
    {
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        var child = new Child("Ida Berg", today.AddYears(-16), today);
        var other = new Child("Noah Berg", today.AddYears(-16), today);
        var youth = Invitation.Send(child.Id, "youth", "Ida Berg", "ida@example.dk", InvitationKind.Youth, Now, Week);

        Assert.Throws<ArgumentException>(() => youth.MayBeAcceptedWithMitId(other, today));
    }
}
