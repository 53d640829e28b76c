using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Domain.Families;
using Portal.Email;
using Portal.Identity;

namespace Portal.Pages.Staff.Cases;

/// <summary>
/// Invites a family member to one child: makes their account (without a password) or finds the one they already
/// have, links it to the child, and puts the email with a single-use link in the outbox. Runs inside the caller's
/// form's transaction (<see cref="Data.OneTransactionPerPost"/>), so the link, the account and the email are saved together or not at all.
/// </summary>
public sealed class FamilyInvitations(
    PortalDbContext db,
    UserManager<PortalUser> users,
    IStringLocalizer<InvitationEmail> text,
    IOptions<PortalOptions> options,
    PortalLinks links,
    TimeProvider clock)
{
    public async Task<InviteResult> InviteAsync(Child child, string name, string email, InvitationKind kind)
    {
        ArgumentNullException.ThrowIfNull(child);
        var now = clock.GetUtcNow();
        var existing = await users.FindByEmailAsync(email);

        // Staff are never invited as family, nor a parent as a young person; a young person's login belongs to one child.
        var role = kind == InvitationKind.Youth ? Roles.Youth : Roles.Parent;
        if (existing is not null && (!await users.IsInRoleAsync(existing, role)
            || (kind == InvitationKind.Youth && await db.Children.AnyAsync(other => other.YouthUserId == existing.Id && other.Id != child.Id))))
        {
            return InviteResult.EmailBelongsToSomeoneElse;
        }

        if (existing is not null && await users.HasPasswordAsync(existing))
        {
            // Someone who already uses the portal (a parent of a sibling) just gets the child added.
            Link(child, existing.Id, kind);
            return InviteResult.AddedToExistingAccount;
        }

        var user = existing ?? new PortalUser { UserName = email, Email = email, DisplayName = Domain.Text.Clean(name) };
        if (existing is null)
        {
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                // The address passed the portal's e-mail rule, but the account store still said no (taken meanwhile).
                return InviteResult.EmailBelongsToSomeoneElse;
            }

            Check(await users.AddToRoleAsync(user, role));
        }

        Link(child, user.Id, kind);
        var invitation = Invitation.Send(child.Id, user.Id, name, email, kind, now, options.Value.InvitationLifetime);
        db.Invitations.Add(invitation);
        await QueueEmailAsync(invitation, user);
        return InviteResult.Invited;
    }

    /// <summary>A new link; the old one stops working because the account's security stamp changes.</summary>
    public async Task SendAgainAsync(Invitation invitation)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        invitation.SendAgain(clock.GetUtcNow(), options.Value.InvitationLifetime);
        var user = await users.FindByIdAsync(invitation.UserId) ?? throw new InvalidOperationException("The invited account is gone.");
        Check(await users.UpdateSecurityStampAsync(user));
        await QueueEmailAsync(invitation, user);
    }

    /// <summary>Stops the link and, since nobody used it, takes the unused account off the child again.</summary>
    public async Task RevokeAsync(Invitation invitation, Child child)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        ArgumentNullException.ThrowIfNull(child);
        invitation.Revoke(clock.GetUtcNow());
        var user = await users.FindByIdAsync(invitation.UserId);
        if (user is not null && !await users.HasPasswordAsync(user))
        {
            child.RemoveFamilyMember(user.Id);
            Check(await users.UpdateSecurityStampAsync(user));
        }
    }

    private void Link(Child child, string userId, InvitationKind kind)
    {
        if (kind == InvitationKind.Youth)
        {
            child.LinkYouthAccount(userId, Domain.DanishTime.Today(clock), options.Value.YouthAccountMinimumAge);
        }
        else
        {
            child.AddCustodyHolder(userId);
        }
    }

    private async Task QueueEmailAsync(Invitation invitation, PortalUser user)
    {
        var token = await users.GenerateUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose(invitation.Id));
        var link = links.Page("/Invitations/Index", new { id = invitation.Id, code = LinkCodes.Encode(token) });
        // In the invited person's language: Danish for a new account, which has chosen none yet.
        var message = MailLanguage.In(user.Language, () => InvitationEmail.Create(text, invitation.Email, invitation.Name, link, invitation.ExpiresAt));
        db.OutboxMessages.Add(OutboxMessage.Create(message, clock.GetUtcNow(), invitation.Id));
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Identity refused: " + string.Join(", ", result.Errors.Select(error => error.Code)));
        }
    }
}

public enum InviteResult
{
    Invited,
    AddedToExistingAccount,
    EmailBelongsToSomeoneElse,
}
