using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Portal.Email;
using Portal.MitId.TestProvider;
using Portal.Security;

namespace Portal.MitId;

/// <summary>
/// MitID through OpenID Connect: the authorization code flow with PKCE, the answer in the query (so the correlation
/// cookies can be SameSite=Lax), and a login that lands in Identity's own cookie, with the same idle and absolute limits
/// as a password login. The broker's token is read for one thing only, the person's persistent identifier; nothing else
/// from it (name, CPR number) is kept.
/// </summary>
public static class MitIdSetup
{
    /// <summary>The authentication scheme, and the login provider name stored with each bound account.</summary>
    public const string Scheme = "MitID";

    public const string CallbackPath = "/signin-mitid";
    public const string SignedOutCallbackPath = "/signout-callback-mitid";

    /// <summary>Carries the id token from the logout page to the end-session request (<c>id_token_hint</c>).</summary>
    internal const string IdTokenHintParameter = "portal.id_token_hint";

    public static void AddPortalMitId(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(MitIdOptions.Section).Get<MitIdOptions>() ?? new MitIdOptions();
        var development = builder.Environment.IsDevelopment();
        var useTestProvider = settings.TestProvider ?? (development && settings.Authority is null);
        if (useTestProvider)
        {
            if (!development)
            {
                throw new InvalidOperationException(
                    $"{MitIdOptions.Section}:TestProvider can only be switched on in the Development environment (this is '{builder.Environment.EnvironmentName}'): " +
                    "it logs anyone in as anyone. Set Authority, ClientId and ClientSecret for the municipality's MitID broker instead.");
            }

            if (settings.Authority is not null)
            {
                throw new InvalidOperationException($"{MitIdOptions.Section}: set either Authority (a real broker) or TestProvider, not both.");
            }

            settings = TestMitIdProvider.Add(builder.Services, PortalOptionsSetup.PublicBaseUrl(builder.Configuration, development)
                ?? throw new InvalidOperationException("Portal:PublicBaseUrl is not set."));
        }

        builder.Services.AddSingleton(new MitIdLogin(settings.Authority is not null, useTestProvider));
        builder.Services.AddScoped<MitIdAccounts>();
        builder.Services.AddHttpContextAccessor();
        if (settings.Authority is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(settings.ClientId) || string.IsNullOrWhiteSpace(settings.ClientSecret))
        {
            throw new InvalidOperationException($"{MitIdOptions.Section}: ClientId and ClientSecret must be set with Authority.");
        }

        var httpsOnly = SecuritySetup.HttpsOnly(builder.Configuration);

        // Identity's cookie for the few minutes between the broker's answer and the finish page: the same rules as
        // the login cookie (__Host-, Secure, HttpOnly, Lax).
        builder.Services.ConfigureExternalCookie(options =>
        {
            options.Cookie.Name = httpsOnly ? "__Host-Familieportalen.MitID" : "Familieportalen.MitID";
            options.Cookie.SecurePolicy = httpsOnly ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.Path = "/";
            options.ExpireTimeSpan = TimeSpan.FromMinutes(5);
        });

        var acrValues = settings.AcrValues?.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        builder.Services.AddAuthentication().AddOpenIdConnect(Scheme, "MitID", options =>
        {
            options.Authority = settings.Authority.ToString();
            options.RequireHttpsMetadata = settings.Authority.Scheme == Uri.UriSchemeHttps;
            options.ClientId = settings.ClientId;
            options.ClientSecret = settings.ClientSecret;
            options.ResponseType = OpenIdConnectResponseType.Code;
            options.ResponseMode = OpenIdConnectResponseMode.Query;
            options.UsePkce = true;
            options.Scope.Clear();
            options.Scope.Add(OpenIdConnectScope.OpenId);
            options.CallbackPath = CallbackPath;
            options.SignedOutCallbackPath = SignedOutCallbackPath;
            options.RemoteSignOutPath = "/signout-remote-mitid";
            options.SignInScheme = IdentityConstants.ExternalScheme;
            options.MapInboundClaims = false;
            options.GetClaimsFromUserInfoEndpoint = false;
            options.DisableTelemetry = true;

            // The id token rides along to the login cookie, for the provider's logout (id_token_hint).
            options.SaveTokens = true;

            // The broker answers with a top-level redirect (GET): Lax cookies come along, and they are not sent on
            // anything a third-party page could post.
            foreach (var cookie in new[] { options.CorrelationCookie, options.NonceCookie })
            {
                cookie.SameSite = SameSiteMode.Lax;
                cookie.SecurePolicy = httpsOnly ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            }

            options.Events = new OpenIdConnectEvents
            {
                OnRedirectToIdentityProvider = context =>
                {
                    // The broker knows the portal by its public address, never by whatever Host the request carried.
                    context.ProtocolMessage.RedirectUri = Links(context.HttpContext).Path(CallbackPath);
                    if (acrValues.Length > 0)
                    {
                        context.ProtocolMessage.AcrValues = string.Join(' ', acrValues);
                    }

                    context.ProtocolMessage.UiLocales = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
                    return Task.CompletedTask;
                },
                OnTokenValidated = context => KeepOnlyTheIdentifier(context, settings.IdentifierClaim, acrValues),
                OnAccessDenied = context =>
                {
                    // The person pressed "cancel" at MitID.
                    context.Response.Redirect(Failed(context.HttpContext, MitIdFailure.Cancelled));
                    context.HandleResponse();
                    return Task.CompletedTask;
                },
                OnRemoteFailure = context =>
                {
                    // A forged or replayed answer, a token for another client, an expired or otherwise invalid token, or a
                    // broker that could not be reached: a clear page and a log line, never an error page.
                    MitIdLog.Refused(context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MitIdSetup)), context.Failure?.Message);
                    context.Response.Redirect(Failed(context.HttpContext, MitIdFailure.Refused));
                    context.HandleResponse();
                    return Task.CompletedTask;
                },
                OnRedirectToIdentityProviderForSignOut = context =>
                {
                    context.ProtocolMessage.PostLogoutRedirectUri = Links(context.HttpContext).Path(SignedOutCallbackPath);
                    context.ProtocolMessage.IdTokenHint ??= context.Properties.GetParameter<string>(IdTokenHintParameter);
                    return Task.CompletedTask;
                },
            };
        });
    }

    private static PortalLinks Links(HttpContext context) => context.RequestServices.GetRequiredService<PortalLinks>();

    private static string Failed(HttpContext context, MitIdFailure reason) =>
        context.RequestServices.GetRequiredService<LinkGenerator>().GetPathByPage(context, "/MitId/Failed", values: new { reason })
        ?? throw new InvalidOperationException("No route to the MitID failure page.");

    /// <summary>
    /// The external login carries the persistent identifier and nothing more: no name, no CPR number, no other claim
    /// from the broker reaches a cookie or the database. A token below the assurance level asked for is refused.
    /// </summary>
    private static Task KeepOnlyTheIdentifier(TokenValidatedContext context, string identifierClaim, string[] acrValues)
    {
        var principal = context.Principal;
        var identifier = principal?.FindFirstValue(identifierClaim);
        if (string.IsNullOrWhiteSpace(identifier))
        {
            context.Fail($"The token has no '{identifierClaim}' claim.");
            return Task.CompletedTask;
        }

        if (acrValues.Length > 0 && !acrValues.Contains(principal!.FindFirstValue(Microsoft.IdentityModel.JsonWebTokens.JwtRegisteredClaimNames.Acr), StringComparer.Ordinal))
        {
            context.Fail("The token's assurance level (acr) is not one that was asked for.");
            return Task.CompletedTask;
        }

        var identity = new ClaimsIdentity(context.Scheme.Name);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, identifier));
        context.Principal = new ClaimsPrincipal(identity);
        return Task.CompletedTask;
    }
}

internal static partial class MitIdLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "A MitID login was refused: {Reason}")]
    public static partial void Refused(ILogger logger, string? reason);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "The MitID provider's logout could not be reached; the portal session has ended")]
    public static partial void ProviderLogoutUnreachable(ILogger logger, Exception exception);
}

/// <summary>Whether MitID is on here, and whether it is the built-in test provider (the button then says so).</summary>
public sealed record MitIdLogin(bool IsOn, bool IsTest);

public enum MitIdFailure
{
    Refused,
    Cancelled,

    /// <summary>The MitID is already bound to another account in the portal.</summary>
    InUse,
}
