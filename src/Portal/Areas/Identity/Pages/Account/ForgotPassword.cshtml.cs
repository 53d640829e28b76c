using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Data;
using Portal.Email;
using Portal.Identity;
using Portal.Pages.Forms;
using Portal.Security;

namespace Portal.Areas.Identity.Pages.Account;

[AllowAnonymous]
[FormRateLimit(SecuritySetup.AccountPolicy)]
public sealed class ForgotPasswordModel(
    UserManager<PortalUser> userManager,
    PortalDbContext db,
    IStringLocalizer<PasswordResetEmail> text,
    PortalLinks links,
    TimeProvider clock) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // The same answer whether or not the address has an account, so the form reveals nobody.
        var user = await userManager.FindByEmailAsync(Input.Email);
        if (user?.Email is not null)
        {
            var token = await userManager.GeneratePasswordResetTokenAsync(user);
            var link = links.Page("/Account/ResetPassword", new { area = "Identity", userId = user.Id, code = LinkCodes.Encode(token) });
            // In the language the account holder chose; one who never logged in gets the language they asked in.
            var message = MailLanguage.In(user.Language ?? System.Globalization.CultureInfo.CurrentUICulture.Name, () => PasswordResetEmail.Create(text, user.Email, user.DisplayName, link));
            db.OutboxMessages.Add(OutboxMessage.Create(message, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }

        return RedirectToPage("./ForgotPasswordConfirmation");
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [PortalEmail]
        [StringLength(PortalUser.EmailMaxLength, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Field.Email")]
        public string Email { get; set; } = string.Empty;
    }
}
