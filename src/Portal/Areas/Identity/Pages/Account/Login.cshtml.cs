using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Data;
using Portal.Identity;
using Portal.MitId;
using Portal.Security;

namespace Portal.Areas.Identity.Pages.Account;

[AllowAnonymous]
[FormRateLimit(SecuritySetup.AccountPolicy)]
public sealed class LoginModel(SignInManager<PortalUser> signInManager, LoginThrottle throttle, IStringLocalizer<SharedResource> text, MitIdAccounts mitId) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool MitIdIsOn => mitId.IsOn;

    /// <summary>Why the person is here again: their login ran out ("ja"), and what they sent was lost ("ikke-gemt").</summary>
    public string? LoggedOut { get; private set; }

    public void OnGet([FromQuery(Name = IdentitySetup.LoggedOutParameter)] string? loggedOut) =>
        LoggedOut = loggedOut is IdentitySetup.LoggedOutFormLost ? "FormLost" : loggedOut is null ? null : "Idle";

    /// <summary>"Log ind med MitID": off to the broker, back at the MitID finish page.</summary>
    public IActionResult OnPostMitId(string? returnUrl) =>
        mitId.IsOn ? Challenge(mitId.LogIn(Url.IsLocalUrl(returnUrl) ? returnUrl : null), MitIdSetup.Scheme) : NotFound();

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var address = ClientLimits.Address(HttpContext);
        if (throttle.WaitBeforeNextTry(Input.Email, address) is { } wait)
        {
            ModelState.AddModelError(string.Empty, text["Login.Wait", ClientLimits.TooManyTries(Response, wait)]);
            return Page();
        }

        var result = await signInManager.PasswordSignInAsync(Input.Email, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded || result.RequiresTwoFactor)
        {
            throttle.Succeeded(Input.Email, address);
        }
        else
        {
            throttle.Failed(Input.Email, address);
        }

        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("./LoginWith2fa", new { returnUrl });
        }

        if (result.IsLockedOut)
        {
            return RedirectToPage("./Lockout");
        }

        // One message for an unknown email and a wrong password: the form does not reveal who has an account.
        ModelState.AddModelError(string.Empty, text["Login.Failed"]);
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(PortalUser.EmailMaxLength, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Field.Email")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(PortalUser.PasswordMaxLength, ErrorMessage = "Validation.TooLong")]
        [DataType(DataType.Password)]
        [Display(Name = "Field.Password")]
        public string Password { get; set; } = string.Empty;
    }
}
