using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using Portal.MitId;
using Portal.MitId.TestProvider;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Accounts;

/// <summary>
/// The portal in Development (the only environment where the MitID test provider may run), with production's cookie
/// rules, the provider hosted inside it, and the portal's calls to the provider (discovery, keys, the code exchange)
/// going through the test server. A test can change the next id token the provider sends back, re-signed with the
/// provider's own key, to play a broker answer that is well formed but wrong.
/// </summary>
public sealed class MitIdPortal : IDisposable
{
    public MitIdPortal()
        : this(clock: null)
    {
    }

    private MitIdPortal(FakeTimeProvider? clock)
    {
        Factory = PortalFactory.With(
            new Dictionary<string, string?> { ["Security:HttpsOnly"] = "true" },
            clock: clock,
            environment: "Development",
            configureServices: services => services.AddOptions<OpenIdConnectOptions>(MitIdSetup.Scheme)
                .Configure<IServer, IOptionsMonitor<OpenIddictServerOptions>>((options, server, provider) =>
                    options.BackchannelHttpHandler = new TokenChanger(this, provider) { InnerHandler = ((TestServer)server).CreateHandler() }));
    }

    /// <summary>A portal of its own on a clock the test moves (the provider's tokens are stamped by it too).</summary>
    public static MitIdPortal OnClock(FakeTimeProvider clock) => new(clock);

    public PortalFactory Factory { get; }

    /// <summary>Applied to the payload of the next id token the provider answers with, once.</summary>
    public Action<JsonObject>? ChangeNextIdToken { get; set; }

    public HttpClient NewBrowser() => Factory.CreateClient();

    /// <summary>
    /// Follows a MitID round trip from the challenge (the portal's redirect to the provider): picks the person on the
    /// test provider's page, comes back through the callback and returns the finish page's answer (a redirect).
    /// </summary>
    public static async Task<HttpResponseMessage> ThroughMitIdAsync(HttpClient browser, HttpResponseMessage challenge, TestPerson person)
    {
        var callback = await ToCallbackAsync(browser, challenge, person);
        using var checkedAnswer = await browser.GetAsync(new Uri(callback, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, checkedAnswer.StatusCode);
        return await browser.GetAsync(new Uri(checkedAnswer.Location(), UriKind.Relative));
    }

    /// <summary>From the challenge to the provider's answer: the callback address with the code and the state, not yet opened.</summary>
    public static async Task<string> ToCallbackAsync(HttpClient browser, HttpResponseMessage challenge, TestPerson person)
    {
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.StartsWith("/test-mitid/authorize?", challenge.Location(), StringComparison.Ordinal);
        var provider = await browser.GetPageAsync(challenge.Location());
        var button = provider.QuerySelectorAll("main button[name='person']").OfType<AngleSharp.Html.Dom.IHtmlElement>()
            .Single(candidate => candidate.GetAttribute("value") == person.Uuid.ToString());
        using var answer = await browser.SubmitAsync(provider.Form("main form[action*='handler=LogIn']"), submitButton: button);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.StartsWith(MitIdSetup.CallbackPath + "?", answer.Location(), StringComparison.Ordinal);
        return answer.Location();
    }

    /// <summary>"Log ind med MitID" on the login page.</summary>
    public static async Task<HttpResponseMessage> LogInAsync(HttpClient browser, TestPerson person)
    {
        using var challenge = await ChallengeAsync(browser);
        return await ThroughMitIdAsync(browser, challenge, person);
    }

    /// <summary>Presses "Log ind med MitID" on the login page: the answer is the portal's redirect to the provider.</summary>
    public static async Task<HttpResponseMessage> ChallengeAsync(HttpClient browser)
    {
        var login = await browser.GetPageAsync("/Identity/Account/Login");
        return await browser.SubmitAsync(login.Form("main form[action*='handler=MitId']"));
    }

    public void Dispose()
    {
        Factory.Dispose();
        Factory.DeleteDataFolder();
    }

    private sealed class TokenChanger(MitIdPortal portal, IOptionsMonitor<OpenIddictServerOptions> provider) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var change = portal.ChangeNextIdToken;
            if (change is null || request.RequestUri?.AbsolutePath != "/test-mitid/token" || !response.IsSuccessStatusCode)
            {
                return response;
            }

            portal.ChangeNextIdToken = null;
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
            var original = new JsonWebToken((string)body["id_token"]!);
            var payload = JsonNode.Parse(Base64UrlEncoder.Decode(original.EncodedPayload))!.AsObject();
            change(payload);
            body["id_token"] = new JsonWebTokenHandler().CreateToken(payload.ToJsonString(), provider.CurrentValue.SigningCredentials[0]);
            return new HttpResponseMessage(response.StatusCode)
            {
                RequestMessage = request,
                Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
            };
        }
    }
}
