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
}
