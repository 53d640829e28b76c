using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Portal.Pages.About;

/// <summary>
/// The accessibility statement (tilgængelighedserklæring) in the parts the Agency for Digital Government asks for: how
/// far the portal meets WCAG 2.1 AA, what does not yet, how it was assessed, how to report a problem, and where to complain.
/// </summary>
[AllowAnonymous]
public sealed class AccessibilityModel(IOptions<MunicipalityOptions> municipality) : PageModel
{
    /// <summary>What is known not to meet WCAG 2.1 AA yet, as resource keys; removed here as each is fixed.</summary>
    public static IReadOnlyList<string> KnownProblems { get; } = [];

    public MunicipalityOptions Municipality => municipality.Value;

    public void OnGet()
    {
    }
}
