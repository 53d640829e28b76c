using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Domain;

namespace Portal.MitId;

/// <summary>
/// What the pages need to know and do about MitID: whether it is on, the challenge for each purpose (log in, take an
/// invitation, connect from "Min konto"), who may use it, and the provider's logout.
/// </summary>
public sealed class MitIdAccounts(
    MitIdLogin mitId,
    PortalDbContext db,
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    LinkGenerator links,
    IHttpContextAccessor http,
    TimeProvider clock,
    IServiceProvider services,
    ILogger<MitIdAccounts> logger)
{
    // What a login round trip is for, carried (encrypted) through the broker in the state parameter.
    public const string InvitationItem = "portal.invitation";
    public const string InvitationCodeItem = "portal.invitation-code";
    public const string ConnectItem = "portal.connect";
    public const string ReturnUrlItem = "portal.return-url";

    public bool IsOn => mitId.IsOn;

    public bool IsTest => mitId.IsTest;

    public AuthenticationProperties LogIn(string? returnUrl) => Properties(new() { [ReturnUrlItem] = returnUrl });

    public AuthenticationProperties TakeInvitation(Guid invitationId, string code) =>
        Properties(new() { [InvitationItem] = invitationId.ToString(), [InvitationCodeItem] = code });

    public AuthenticationProperties Connect(string userId) => Properties(new() { [ConnectItem] = userId });

    /// <summary>MitID is for families: a custody holder, or a young person from the 15th birthday. Staff use passwords.</summary>
    public async Task<bool> MayUseAsync(PortalUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await users.IsInRoleAsync(user, Roles.Parent))
        {
            return true;
        }

        if (!await users.IsInRoleAsync(user, Roles.Youth))
        {
            return false;
        }

        var today = DanishTime.Today(clock);
        var child = await db.Children.AsNoTracking().FirstOrDefaultAsync(child => child.YouthUserId == user.Id, cancellationToken);
        return child?.MayUseOwnMitId(today) == true;
    }

    /// <summary>The account's MitID binding (the broker's identifier as the provider key), or null.</summary>
    public async Task<UserLoginInfo?> LoginOfAsync(PortalUser user) =>
        (await users.GetLoginsAsync(user)).FirstOrDefault(login => login.LoginProvider == MitIdSetup.Scheme);

    public async Task<bool> IsConnectedAsync(PortalUser user) => await LoginOfAsync(user) is not null;

    /// <summary>
    /// The sign-out to hand to the MitID provider after the portal's own logout, when this login came through MitID and
    /// the provider has an end-session endpoint; null otherwise (then the portal's logout is the whole logout).
    /// </summary>
    public async Task<AuthenticationProperties?> ProviderSignOutAsync(ClaimsPrincipal user, string? idToken, string returnPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!IsOn || user.FindFirstValue(ClaimTypes.AuthenticationMethod) != MitIdSetup.Scheme)
        {
            return null;
        }

        try
        {
            var options = services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(MitIdSetup.Scheme);
            var configuration = await options.ConfigurationManager!.GetConfigurationAsync(cancellationToken);
            if (string.IsNullOrEmpty(configuration.EndSessionEndpoint))
            {
                return null;
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException or IOException or TaskCanceledException)
        {
            // The provider cannot be reached: the portal's own logout still holds.
            MitIdLog.ProviderLogoutUnreachable(logger, exception);
            return null;
        }

        var properties = new AuthenticationProperties { RedirectUri = returnPath };
        properties.SetParameter(MitIdSetup.IdTokenHintParameter, idToken);
        return properties;
    }

    private AuthenticationProperties Properties(Dictionary<string, string?> items)
    {
        var finish = links.GetPathByPage(http.HttpContext!, "/MitId/Finish")
            ?? throw new InvalidOperationException("No route to the MitID finish page.");

        // Identity's own shape for an external login (it names the provider), so the finish page can read the answer.
        var properties = signIn.ConfigureExternalAuthenticationProperties(MitIdSetup.Scheme, finish);
        foreach (var (key, value) in items)
        {
            properties.Items[key] = value;
        }

        return properties;
    }
}
