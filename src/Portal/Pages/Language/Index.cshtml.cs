using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;
using Portal.Localization;

namespace Portal.Pages.Language;

/// <summary>
/// The language switch: remembers the choice on this device for a year and, for a person who is logged in, as theirs
/// (the mail others' changes send them is written in it); then returns to the page the visitor was on.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(PortalDbContext db) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? culture, string? returnUrl, CancellationToken cancellationToken)
    {
        var chosen = LocalizationSetup.CultureOf(culture);
        LocalizationSetup.RememberOnThisDevice(HttpContext, chosen);
        if (User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId && await db.Users.FindAsync([userId], cancellationToken) is { } user)
        {
            user.Language = chosen.Name;
            await db.SaveChangesAsync(cancellationToken);
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
