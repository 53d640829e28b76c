using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Data;

namespace Portal.Areas.Identity.Pages.Account.Manage;

public sealed class TwoFactorModel(
    UserManager<PortalUser> userManager,
    SignInManager<PortalUser> signInManager,
    IStringLocalizer<SharedResource> text) : PageModel
{
    public const int RecoveryCodeCount = 10;

    public bool Enabled { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await userManager.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        Enabled = user.TwoFactorEnabled;
        RecoveryCodesLeft = await userManager.CountRecoveryCodesAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (await userManager.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        await userManager.SetTwoFactorEnabledAsync(user, enabled: false);
        await userManager.ResetAuthenticatorKeyAsync(user);
        await signInManager.RefreshSignInAsync(user);
        TempData["StatusMessage"] = text["TwoFactor.TurnedOff"].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostNewRecoveryCodesAsync()
    {
        if (await userManager.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }

        var codes = await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        TempData[RecoveryCodesModel.TempDataKey] = string.Join(' ', codes ?? []);
        return RedirectToPage("./RecoveryCodes");
    }
}
