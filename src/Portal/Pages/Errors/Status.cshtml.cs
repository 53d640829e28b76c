using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Security;

namespace Portal.Pages.Errors;

/// <summary>
/// The friendly page for every error status, reached by re-execution with the original method, so it answers POST
/// too and never asks for an antiforgery token (a failed token is one of the errors it explains).
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[Portal.Data.NoFormTransaction]
public sealed class StatusModel : PageModel
{
    public string TitleKey { get; private set; } = "Error.Title";

    public string TextKey { get; private set; } = "Error.Text";

    public string? RetryAfterSeconds { get; private set; }

    public PageResult OnGet(int code) => Show(code);

    public PageResult OnPost(int code) => Show(code);

    private PageResult Show(int code)
    {
        var shown = code switch
        {
            400 or 403 or 404 or 429 => code,
            _ => 500,
        };

        // Someone typing /Errors/Status/404 directly gets a 404, not a 200 that claims an error.
        Response.StatusCode = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null
            && HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is null
            ? StatusCodes.Status404NotFound
            : Response.StatusCode;
        TitleKey = $"Status{shown}.Title";
        TextKey = $"Status{shown}.Text";
        if (shown == 429 && HttpContext.Items[SecuritySetup.RetryAfterItem] is string seconds)
        {
            RetryAfterSeconds = seconds;
            Response.Headers.RetryAfter = seconds;
        }

        return Page();
    }
}
