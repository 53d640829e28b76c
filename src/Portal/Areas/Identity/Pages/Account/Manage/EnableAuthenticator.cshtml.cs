using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Data;

namespace Portal.Areas.Identity.Pages.Account.Manage;

public sealed class EnableAuthenticatorModel(
    UserManager<PortalUser> userManager,
    SignInManager<PortalUser> signInManager,
    IStringLocalizer<SharedResource> text) : PageModel
{
    private const string Issuer = "Familieportalen";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string SharedKey { get; private set; } = string.Empty;

    public string QrCodeDataUri { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await userManager.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await userManager.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }

        var code = Input.Code.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (!await userManager.VerifyTwoFactorTokenAsync(user, userManager.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError("Input.Code", text["TwoFactor.WrongCode"]);
            await LoadAsync(user);
            return Page();
        }

        await userManager.SetTwoFactorEnabledAsync(user, enabled: true);
        await signInManager.RefreshSignInAsync(user);
        var codes = await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, TwoFactorModel.RecoveryCodeCount);
        TempData[RecoveryCodesModel.TempDataKey] = string.Join(' ', codes ?? []);
        TempData["StatusMessage"] = text["TwoFactor.TurnedOn"].Value;
        return RedirectToPage("./RecoveryCodes");
    }

    private async Task LoadAsync(PortalUser user)
    {
        var key = await userManager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A new key renews the security stamp; renew this login too, or the next request would end it.
            await userManager.ResetAuthenticatorKeyAsync(user);
            await signInManager.RefreshSignInAsync(user);
            key = await userManager.GetAuthenticatorKeyAsync(user) ?? string.Empty;
        }

        SharedKey = string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(chunk => new string(chunk)));
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email ?? user.Id)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";

        QrCodeDataUri = Portal.Pages.QrCodes.SvgDataUri(uri);
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(10, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Field.AuthenticatorCode")]
        public string Code { get; set; } = string.Empty;
    }
}
