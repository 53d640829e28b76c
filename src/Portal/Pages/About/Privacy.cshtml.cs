using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Portal.Counselling;

namespace Portal.Pages.About;

/// <summary>The privacy notice (GDPR articles 13 and 14): who is responsible, what is kept and why, for how long, and the rights.</summary>
[AllowAnonymous]
public sealed class PrivacyModel(IOptions<MunicipalityOptions> municipality, IOptions<CounsellingOptions> counselling) : PageModel
{
    public MunicipalityOptions Municipality => municipality.Value;

    /// <summary>Days a closed or withdrawn counselling request is kept before it is deleted for good.</summary>
    public int CounsellingRetentionDays => (int)Math.Ceiling(counselling.Value.Retention.TotalDays);

    public int TicketCookieDays => (int)Math.Ceiling(counselling.Value.TicketCookieLifetime.TotalDays);

    public void OnGet()
    {
    }
}
