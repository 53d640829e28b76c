using Microsoft.AspNetCore.Identity;
using Portal.Data;
using Portal.Domain.Families;

namespace Portal.Identity;

/// <summary>
/// Checks the link in an invitation mail: the invitation, its account and its code. Used when the invited person
/// chooses a password and when they take the invitation with MitID, so both refuse the same links for the same reasons.
/// </summary>
public sealed class InvitationLinks(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock)
{
    public async Task<InvitationLink> CheckAsync(Guid id, string? code)
    {
        var invitation = await db.Invitations.FindAsync(id);
        var user = invitation is null ? null : await users.FindByIdAsync(invitation.UserId);
        var token = LinkCodes.Decode(code ?? string.Empty);
        var state = invitation?.StateAt(clock.GetUtcNow());
        if (invitation is null || user is null || token is null
            || !await users.VerifyUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose(invitation.Id), token))
        {
            return new InvitationLink(null, null, Problem(state) ?? "Invitation.Invalid");
        }

        return state == InvitationState.Waiting ? new InvitationLink(invitation, user, null) : new InvitationLink(null, null, Problem(state));
    }

    /// <summary>Whether the invited person may take this invitation with MitID (a custody holder, or the child from 15).</summary>
    public async Task<bool> MayBeTakenWithMitIdAsync(Invitation invitation)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        var child = await db.Children.FindAsync(invitation.ChildId);
        return child is not null && invitation.MayBeAcceptedWithMitId(child, Domain.DanishTime.Today(clock));
    }

    private static string? Problem(InvitationState? state) => state switch
    {
        InvitationState.Accepted => "Invitation.AlreadyUsed",
        InvitationState.Revoked => "Invitation.Revoked",
        InvitationState.Expired => "Invitation.Expired",
        _ => null,
    };
}

/// <summary>A checked invitation link: the invitation and its account when it can be used, otherwise why not (a domain code).</summary>
public sealed record InvitationLink(Invitation? Invitation, PortalUser? User, string? Problem);
