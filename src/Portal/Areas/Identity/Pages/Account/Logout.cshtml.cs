using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;

namespace Portal.Areas.Identity.Pages.Account;

[AllowAnonymous]
public sealed class LogoutModel(SignInManager<PortalUser> signInManager, UserManager<PortalUser> userManager) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await userManager.GetUserAsync(User) is { } user)
        {
            // A new security stamp ends this login on every other device too.
            await userManager.UpdateSecurityStampAsync(user);
        }

        await signInManager.SignOutAsync();
        return RedirectToPage("./Logout");
    }
}
