using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Areas.Identity.Pages.Account.Manage;

/// <summary>Shows freshly made recovery codes once; a reload shows nothing, since they are stored only as hashes.</summary>
public sealed class RecoveryCodesModel : PageModel
{
    public const string TempDataKey = "RecoveryCodes";

    public IReadOnlyList<string> Codes { get; private set; } = [];

    public IActionResult OnGet()
    {
        if (TempData[TempDataKey] is not string codes || codes.Length == 0)
        {
            return RedirectToPage("./TwoFactor");
        }

        Codes = codes.Split(' ');
        return Page();
    }
}
