using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Data;
using Portal.MitId;

namespace Portal.Areas.Identity.Pages.Account.Manage;

public sealed class IndexModel(
    UserManager<PortalUser> userManager,
    SignInManager<PortalUser> signInManager,
    MitIdAccounts mitId,
    IStringLocalizer<SharedResource> text) : PageModel
{
    public string DisplayName { get; private set; } = string.Empty;

    public string Email { get; private set; } = string.Empty;

    public bool TwoFactorEnabled { get; private set; }

    /// <summary>Whether MitID is on here and this account may use it (a parent, or a young person from 15).</summary>
    public bool MayUseMitId { get; private set; }

    public bool MitIdConnected { get; private set; }

    public bool HasPassword { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await userManager.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        DisplayName = user.DisplayName;
        Email = user.Email ?? string.Empty;
        TwoFactorEnabled = user.TwoFactorEnabled;
        MayUseMitId = mitId.IsOn && await mitId.MayUseAsync(user, cancellationToken);
        MitIdConnected = mitId.IsOn && await mitId.IsConnectedAsync(user);
        HasPassword = await userManager.HasPasswordAsync(user);
        return Page();
    }

    /// <summary>"Forbind MitID": a MitID login whose answer is bound to this account at the MitID finish page.</summary>
    public async Task<IActionResult> OnPostConnectMitIdAsync(CancellationToken cancellationToken)
    {
        if (await userManager.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!mitId.IsOn || !await mitId.MayUseAsync(user, cancellationToken))
        {
            return NotFound();
        }

        return Challenge(mitId.Connect(user.Id), MitIdSetup.Scheme);
    }

    /// <summary>"Fjern MitID": the binding goes; a password, if the account has one, stays.</summary>
    public async Task<IActionResult> OnPostDisconnectMitIdAsync()
    {
        if (await userManager.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (await mitId.LoginOfAsync(user) is { } login)
        {
            // A new security stamp comes with it (Identity's rule): other sessions end; this one is renewed.
            var removed = await userManager.RemoveLoginAsync(user, login.LoginProvider, login.ProviderKey);
            if (!removed.Succeeded)
            {
                return RedirectToPage();
            }

            await signInManager.RefreshSignInAsync(user);
        }

        TempData["StatusMessage"] = text["MitId.Disconnected"].Value;
        return RedirectToPage();
    }
}
