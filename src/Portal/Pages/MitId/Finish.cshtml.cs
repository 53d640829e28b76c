using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Data;
using Portal.Identity;
using Portal.MitId;

namespace Portal.Pages.MitId;

/// <summary>
/// Where MitID sends the person back, once the broker's answer has been checked: logs in the account bound to that
/// MitID, binds it to the account of the invitation being taken, or connects it from "Min konto". The answer is used
/// once: the short-lived external cookie that carries it is removed first.
/// </summary>
[AllowAnonymous]
public sealed class FinishModel(
    SignInManager<PortalUser> signIn,
    UserManager<PortalUser> users,
    MitIdAccounts mitId,
    InvitationLinks invitations,
    IStringLocalizer<SharedResource> text,
    TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var answer = mitId.IsOn ? await signIn.GetExternalLoginInfoAsync() : null;
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        if (answer is null)
        {
            return RedirectToPage("/MitId/Failed", new { reason = MitIdFailure.Refused });
        }

        IDictionary<string, string?> items = answer.AuthenticationProperties?.Items ?? new Dictionary<string, string?>();
        if (items.TryGetValue(MitIdAccounts.InvitationItem, out var invitation) && Guid.TryParse(invitation, out var invitationId))
        {
            return await TakeInvitationAsync(answer, invitationId, items.TryGetValue(MitIdAccounts.InvitationCodeItem, out var code) ? code : null);
        }

        if (items.TryGetValue(MitIdAccounts.ConnectItem, out var userId))
        {
            return await ConnectAsync(answer, userId, cancellationToken);
        }

        return await LogInAsync(answer, items.TryGetValue(MitIdAccounts.ReturnUrlItem, out var returnUrl) ? returnUrl : null, cancellationToken);
    }

    private async Task<IActionResult> LogInAsync(ExternalLoginInfo answer, string? returnUrl, CancellationToken cancellationToken)
    {
        // Nobody is made an account here: only the account an invitation bound to this MitID.
        var user = await users.FindByLoginAsync(MitIdSetup.Scheme, answer.ProviderKey);
        if (user is null || !await mitId.MayUseAsync(user, cancellationToken))
        {
            return RedirectToPage("/MitId/Unknown");
        }

        if (await users.IsLockedOutAsync(user))
        {
            return RedirectToPage("/Account/Lockout", new { area = "Identity" });
        }

        await SignInAsync(user, answer);
        return Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToPage("/Index");
    }

    private async Task<IActionResult> TakeInvitationAsync(ExternalLoginInfo answer, Guid invitationId, string? code)
    {
        var link = await invitations.CheckAsync(invitationId, code);
        if (link is not { Invitation: { } invitation, User: { } user })
        {
            // The invitation page says why the link can no longer be used.
            return RedirectToPage("/Invitations/Index", new { id = invitationId, code });
        }

        if (!await invitations.MayBeTakenWithMitIdAsync(invitation))
        {
            return RedirectToPage("/Invitations/Index", new { id = invitationId, code });
        }

        if (await users.FindByLoginAsync(MitIdSetup.Scheme, answer.ProviderKey) is not null)
        {
            return RedirectToPage("/MitId/Failed", new { reason = MitIdFailure.InUse });
        }

        // One save: the invitation is used, the address is confirmed (the link came by mail), and the MitID is bound.
        // The account's concurrency stamp stops a second, simultaneous use of the same link.
        invitation.Accept(clock.GetUtcNow());
        user.EmailConfirmed = true;
        var bound = await users.AddLoginAsync(user, new UserLoginInfo(MitIdSetup.Scheme, answer.ProviderKey, MitIdSetup.Scheme));
        if (!bound.Succeeded)
        {
            return RedirectToPage("/MitId/Failed", new { reason = MitIdFailure.InUse });
        }

        await SignInAsync(user, answer);
        TempData["StatusMessage"] = text["Invitation.WelcomeMitId"].Value;
        return RedirectToPage("/Index");
    }

    private async Task<IActionResult> ConnectAsync(ExternalLoginInfo answer, string? userId, CancellationToken cancellationToken)
    {
        // Only the person who asked, still logged in as themselves.
        var user = User.Identity?.IsAuthenticated == true && User.UserId() == userId ? await users.GetUserAsync(User) : null;
        if (user is null || !await mitId.MayUseAsync(user, cancellationToken))
        {
            return RedirectToPage("/MitId/Failed", new { reason = MitIdFailure.Refused });
        }

        if (await mitId.IsConnectedAsync(user))
        {
            TempData["StatusMessage"] = text["MitId.AlreadyConnected"].Value;
        }
        else if (!(await users.AddLoginAsync(user, new UserLoginInfo(MitIdSetup.Scheme, answer.ProviderKey, MitIdSetup.Scheme))).Succeeded)
        {
            return RedirectToPage("/MitId/Failed", new { reason = MitIdFailure.InUse });
        }
        else
        {
            TempData["StatusMessage"] = text["MitId.Connected"].Value;
        }

        return RedirectToPage("/Account/Manage/Index", new { area = "Identity" });
    }

    /// <summary>
    /// Identity's own login cookie, with the same idle and absolute limits as a password login. MitID is two factors
    /// in itself, so no portal code is asked. The id token is kept for the provider's logout.
    /// </summary>
    private async Task SignInAsync(PortalUser user, ExternalLoginInfo answer)
    {
        var properties = new AuthenticationProperties();
        if (answer.AuthenticationTokens?.FirstOrDefault(token => token.Name == "id_token") is { } idToken)
        {
            properties.StoreTokens([idToken]);
        }

        await signIn.SignInWithClaimsAsync(user, properties, [new Claim(ClaimTypes.AuthenticationMethod, MitIdSetup.Scheme)]);
    }
}
