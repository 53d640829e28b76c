using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Domain.Professionals;
using Portal.Email;
using Portal.Identity;

namespace Portal.Pages.Staff.Admin;

/// <summary>
/// Staff accounts made from the portal: the administrator invites a caseworker, counsellor, administrator or professional
/// (an account without a password and a single-use link by mail), and closes or reopens an account. Runs inside the
/// form's transaction (<see cref="OneTransactionPerPost"/>): the account, its role and the mail (added here, saved by the
/// page) are committed together or not at all.
/// </summary>
public sealed class StaffAccounts(
    PortalDbContext db,
    UserManager<PortalUser> users,
    IStringLocalizer<StaffInvitationEmail> mailText,
    IStringLocalizer<SharedResource> text,
    IOptions<InvitationTokenProviderOptions> tokens,
    PortalLinks links,
    TimeProvider clock)
{
    /// <summary>The roles an administrator can give: everyone but the family, who are invited to a child by the caseworker.</summary>
    public static IReadOnlyList<string> InvitableRoles { get; } = [Roles.Caseworker, Roles.Counsellor, Roles.Professional, Roles.Admin];

    /// <summary>What the invitation token is bound to: one account, and only until its password is chosen.</summary>
    public static string Purpose(string userId) => $"StaffInvitation:{userId}";

    /// <returns>False when the address already has an account.</returns>
    public async Task<bool> InviteAsync(string name, string email, string role, ProfessionalService? service)
    {
        if (!InvitableRoles.Contains(role))
        {
            throw new ArgumentOutOfRangeException(nameof(role));
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            return false;
        }

        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = Domain.Text.Clean(name),
            Service = role == Roles.Professional ? service : null,
        };
        if (!(await users.CreateAsync(user)).Succeeded)
        {
            // Taken meanwhile by another administrator's form.
            return false;
        }

        Check(await users.AddToRoleAsync(user, role));
        await QueueInvitationAsync(user, role);
        return true;
    }

    /// <summary>A new link for someone who has not chosen a password yet; the old link stops working.</summary>
    public async Task SendAgainAsync(PortalUser user, string role)
    {
        ArgumentNullException.ThrowIfNull(user);
        Check(await users.UpdateSecurityStampAsync(user));
        await QueueInvitationAsync(user, role);
    }

    /// <summary>Closes the account: no login opens it, and its sessions end on every instance with the next request.</summary>
    public async Task DeactivateAsync(PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        user.DeactivatedAt ??= clock.GetUtcNow();
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        Check(await users.UpdateSecurityStampAsync(user));
    }

    public async Task ReactivateAsync(PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        user.DeactivatedAt = null;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        Check(await users.UpdateSecurityStampAsync(user));
    }

    private async Task QueueInvitationAsync(PortalUser user, string role)
    {
        var token = await users.GenerateUserTokenAsync(user, InvitationTokenProvider.ProviderName, Purpose(user.Id));
        var link = links.Page("/Invitations/Staff", new { userId = user.Id, code = LinkCodes.Encode(token) });
        var now = clock.GetUtcNow();
        var message = MailLanguage.In(user.Language, () => StaffInvitationEmail.Create(
            mailText, user.Email!, user.DisplayName, text["Role." + role].Value, link, now + tokens.Value.TokenLifespan));
        db.OutboxMessages.Add(OutboxMessage.Create(message, now));
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Identity refused: " + string.Join(", ", result.Errors.Select(error => error.Code)));
        }
    }
}
