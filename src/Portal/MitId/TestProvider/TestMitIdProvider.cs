using System.Security.Cryptography;
using System.Text;
using Portal.Email;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.MitId.TestProvider;

/// <summary>
/// An OpenID Connect provider (OpenIddict) hosted in the portal under /test-mitid, that plays the MitID broker in
/// Development and in the tests: one picks a made-up person (<see cref="TestPersons"/>) and gets tokens the way a broker
/// issues them (the code flow with PKCE, a signed id token with the person's persistent identifier in <c>sub</c> and
/// the assurance level in <c>acr</c>). It knows one client, the portal, with a secret made anew at each start. Keys
/// and codes live in memory only ("degraded mode": no token store), which is why it serves one instance only.
/// </summary>
public static class TestMitIdProvider
{
    public const string ClientId = "familieportalen-test";

    /// <summary>The assurance level the test provider puts in its tokens, named as NemLog-in names it.</summary>
    public const string Substantial = "https://data.gov.dk/concept/core/nsis/loa/Substantial";

    public const string AuthorizationPath = "test-mitid/authorize";
    public const string EndSessionPath = "test-mitid/logout";

    public static MitIdOptions Add(IServiceCollection services, Uri publicBaseUrl)
    {
        // The portal sends these addresses built the same way (PortalLinks), so they compare equal.
        var issuer = new Uri(PortalLinks.Absolute(publicBaseUrl, "/test-mitid/"));
        var redirectUri = PortalLinks.Absolute(publicBaseUrl, MitIdSetup.CallbackPath);
        var postLogoutRedirectUri = PortalLinks.Absolute(publicBaseUrl, MitIdSetup.SignedOutCallbackPath);
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

        services.AddOpenIddict().AddServer(options =>
        {
            options.SetIssuer(issuer);
            options.SetConfigurationEndpointUris("test-mitid/.well-known/openid-configuration")
                .SetJsonWebKeySetEndpointUris("test-mitid/.well-known/jwks")
                .SetAuthorizationEndpointUris(AuthorizationPath)
                .SetTokenEndpointUris("test-mitid/token")
                .SetEndSessionEndpointUris(EndSessionPath);
            options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            options.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            options.DisableAccessTokenEncryption();

            // No token store: the one client and its redirect addresses are checked by the handlers below.
            options.EnableDegradedMode();
            options.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (!string.Equals(context.ClientId, ClientId, StringComparison.Ordinal))
                {
                    context.Reject(Errors.InvalidClient, "Unknown client_id.");
                }
                else if (!string.Equals(context.RedirectUri, redirectUri, StringComparison.Ordinal))
                {
                    context.Reject(Errors.InvalidRequest, "The redirect_uri is not the portal's.");
                }

                return default;
            }));
            options.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (!string.Equals(context.ClientId, ClientId, StringComparison.Ordinal)
                    || context.ClientSecret is null
                    || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(context.ClientSecret), Encoding.UTF8.GetBytes(secret)))
                {
                    context.Reject(Errors.InvalidClient, "Unknown client or wrong secret.");
                }

                return default;
            }));
            options.AddEventHandler<OpenIddictServerEvents.ValidateEndSessionRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (!string.IsNullOrEmpty(context.PostLogoutRedirectUri) && !string.Equals(context.PostLogoutRedirectUri, postLogoutRedirectUri, StringComparison.Ordinal))
                {
                    context.Reject(Errors.InvalidRequest, "The post_logout_redirect_uri is not the portal's.");
                }

                return default;
            }));

            var aspNetCore = options.UseAspNetCore()
                .EnableAuthorizationEndpointPassthrough()
                .EnableEndSessionEndpointPassthrough();
            if (publicBaseUrl.Scheme == Uri.UriSchemeHttp)
            {
                // `dotnet run` serves plain http on localhost.
                aspNetCore.DisableTransportSecurityRequirement();
            }
        });

        return new MitIdOptions
        {
            Authority = issuer,
            ClientId = ClientId,
            ClientSecret = secret,
            AcrValues = Substantial,
            IdentifierClaim = Claims.Subject,
            TestProvider = true,
        };
    }

    /// <summary>The test provider's logout: it keeps no session of its own, so it only sends the person back.</summary>
    public static void MapTestMitIdProvider(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<MitIdLogin>().IsTest)
        {
            return;
        }

        app.MapMethods("/" + EndSessionPath, [HttpMethods.Get, HttpMethods.Post], () =>
                Results.SignOut(authenticationSchemes: [OpenIddict.Server.AspNetCore.OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]))
            .AllowAnonymous();
    }
}
