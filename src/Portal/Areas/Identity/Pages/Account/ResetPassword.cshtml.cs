using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Data;
using Portal.Pages.Forms;
using Portal.Identity;
using Portal.Security;

namespace Portal.Areas.Identity.Pages.Account;

[AllowAnonymous]
[FormRateLimit(SecuritySetup.AccountPolicy)]
public sealed class ResetPasswordModel(UserManager<PortalUser> userManager, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet(string? userId, string? code)
    {
        Input.UserId = userId ?? string.Empty;
        Input.Code = code ?? string.Empty;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await userManager.FindByIdAsync(Input.UserId);
        var token = LinkCodes.Decode(Input.Code);
        if (user is null || token is null)
        {
            ModelState.AddModelError(string.Empty, text["Identity.InvalidToken"]);
            return Page();
        }

        // Resetting renews the security stamp, which also ends every existing login.
        var result = await userManager.ResetPasswordAsync(user, token, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.InvalidToken) ? string.Empty : "Input.Password", error.Description);
            }

            return Page();
        }

        await userManager.ResetAccessFailedCountAsync(user);
        TempData["StatusMessage"] = text["ResetPassword.Done"].Value;
        return RedirectToPage("./Login");
    }


    public sealed class InputModel : NewPasswordInput
    {
        [Required(ErrorMessage = "Validation.LinkBroken")]
        [StringLength(100, ErrorMessage = "Validation.LinkBroken")]
        public string UserId { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.LinkBroken")]
        [StringLength(2000, ErrorMessage = "Validation.LinkBroken")]
        public string Code { get; set; } = string.Empty;
    }
}
