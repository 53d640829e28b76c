using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Pages.MitId;

/// <summary>MitID said who the person is, but no account in the portal is bound to them. No account is made.</summary>
[AllowAnonymous]
public sealed class UnknownModel : PageModel
{
    public void OnGet()
    {
    }
}
