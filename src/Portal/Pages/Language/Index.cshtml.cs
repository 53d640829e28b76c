using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Localization;

namespace Portal.Pages.Language;

/// <summary>The language switch: remembers the choice in a cookie for a year and returns to the page the visitor was on.</summary>
[AllowAnonymous]
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }

    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        var chosen = LocalizationSetup.Cultures.FirstOrDefault(supported => supported.Name == culture) ?? LocalizationSetup.Cultures[0];
        Response.Cookies.Append(
            LocalizationSetup.CultureCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, Secure = Request.IsHttps, HttpOnly = true, SameSite = SameSiteMode.Lax });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
