using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Data;

namespace Portal.Areas.Identity.Pages.Account.Manage;

public sealed class ChangePasswordModel(
    UserManager<PortalUser> userManager,
    SignInManager<PortalUser> signInManager,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await userManager.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        // Changing the password renews the security stamp: every other login ends; this one is renewed below.
        var result = await userManager.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassword" : "Input.NewPassword";
                ModelState.AddModelError(field, error.Description);
            }

            return Page();
        }

        await signInManager.RefreshSignInAsync(user);
        TempData["StatusMessage"] = text["ChangePassword.Done"].Value;
        return RedirectToPage("./Index");
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(PortalUser.PasswordMaxLength, ErrorMessage = "Validation.TooLong")]
        [DataType(DataType.Password)]
        [Display(Name = "Field.CurrentPassword")]
        public string CurrentPassword { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(PortalUser.PasswordMaxLength, ErrorMessage = "Validation.TooLong")]
        [DataType(DataType.Password)]
        [Display(Name = "Field.NewPassword")]
        public string NewPassword { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [DataType(DataType.Password)]
        [Compare(nameof(NewPassword), ErrorMessage = "Validation.PasswordsDiffer")]
        [Display(Name = "Field.ConfirmPassword")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }
}
