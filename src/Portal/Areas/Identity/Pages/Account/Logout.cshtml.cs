using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;
using Portal.MitId;

namespace Portal.Areas.Identity.Pages.Account;

[AllowAnonymous]
public sealed class LogoutModel(SignInManager<PortalUser> signInManager, UserManager<PortalUser> userManager, MitIdAccounts mitId) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var idToken = await HttpContext.GetTokenAsync("id_token");
        var signedIn = User;
        if (await userManager.GetUserAsync(User) is { } user)
        {
            // A new security stamp ends this login on every other device too.
            await userManager.UpdateSecurityStampAsync(user);
        }

        await signInManager.SignOutAsync();

        // A MitID login is ended at the provider too, where it has a logout; it sends the person back to this page.
        var loggedOut = Url.Page("./Logout") ?? "/";
        return await mitId.ProviderSignOutAsync(signedIn, idToken, loggedOut, cancellationToken) is { } providerSignOut
            ? SignOut(providerSignOut, MitIdSetup.Scheme)
            : LocalRedirect(loggedOut);
    }
}
