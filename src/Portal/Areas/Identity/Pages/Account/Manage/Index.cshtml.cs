using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;

namespace Portal.Areas.Identity.Pages.Account.Manage;

public sealed class IndexModel(UserManager<PortalUser> userManager) : PageModel
{
    public string DisplayName { get; private set; } = string.Empty;

    public string Email { get; private set; } = string.Empty;

    public bool TwoFactorEnabled { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await userManager.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        DisplayName = user.DisplayName;
        Email = user.Email ?? string.Empty;
        TwoFactorEnabled = user.TwoFactorEnabled;
        return Page();
    }
}
