using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Microsoft.AspNetCore;
using Portal.Data;
using Portal.MitId;
using Portal.MitId.TestProvider;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Pages.MitId.TestProvider;

/// <summary>
/// The test provider's login page: pick a made-up person, or cancel. Only there when the test provider is on
/// (Development); OpenIddict has checked the request (client, redirect address, PKCE) before this page runs.
/// </summary>
[AllowAnonymous]
[NoFormTransaction]
public sealed class AuthorizeModel(MitIdLogin mitId) : PageModel
{
    public IReadOnlyList<TestPerson> People => TestPersons.All;

    /// <summary>The authorization request's own parameters, sent again with the choice.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; private set; } = [];

    public IActionResult OnGet() => Request() is { } request ? Show(request) : NotFound();

    public IActionResult OnPostLogIn(Guid person)
    {
        if (Request() is not { } request)
        {
            return NotFound();
        }

        if (TestPersons.All.FirstOrDefault(candidate => candidate.Uuid == person) is not { } chosen)
        {
            return Show(request);
        }

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, chosen.Uuid.ToString())
            .SetClaim(Claims.Name, chosen.Name)
            .SetClaim(Claims.AuthenticationContextReference, TestMitIdProvider.Substantial);
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        return SignIn(new ClaimsPrincipal(identity), OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>"Cancel": the portal is told access_denied, as a broker tells it.</summary>
    public IActionResult OnPostCancel() =>
        Request() is null ? NotFound() : Forbid(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    private new OpenIddictRequest? Request() => mitId.IsTest ? HttpContext.GetOpenIddictServerRequest() : null;

    private PageResult Show(OpenIddictRequest request)
    {
        Parameters = request.GetParameters()
            .Where(parameter => parameter.Key is not ("__RequestVerificationToken" or "person"))
            .Select(parameter => new KeyValuePair<string, string>(parameter.Key, (string?)parameter.Value ?? string.Empty))
            .ToList();
        return Page();
    }
}
