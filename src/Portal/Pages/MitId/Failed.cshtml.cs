using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.MitId;

namespace Portal.Pages.MitId;

/// <summary>
/// A MitID login that did not go through: cancelled at MitID, refused by the portal (a forged, replayed or expired
/// answer, a token meant for someone else), or a MitID that is already bound to another account.
/// </summary>
[AllowAnonymous]
public sealed class FailedModel : PageModel
{
    public MitIdFailure Reason { get; private set; }

    public void OnGet(MitIdFailure reason) => Reason = Enum.IsDefined(reason) ? reason : MitIdFailure.Refused;
}
