using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Professionals;

namespace Portal.Identity;

public static class PortalClaims
{
    public const string DisplayName = "portal:display_name";

    /// <summary>A professional's service, which marks what they write in a plan and every read of it.</summary>
    public const string Service = "portal:service";

    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The page requires a signed-in user.");

    /// <summary>The signed-in person as the domain sees them: id, name and the role they act in.</summary>
    public static Actor ToActor(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var role = user.IsInRole(Roles.Caseworker) ? ActorRole.Caseworker
            : user.IsInRole(Roles.Admin) ? ActorRole.Admin
            : user.IsInRole(Roles.Youth) ? ActorRole.Youth
            : user.IsInRole(Roles.Parent) ? ActorRole.Parent
            : user.IsInRole(Roles.Professional) ? ActorRole.Professional
            : throw new InvalidOperationException("This user has no role that can act on a plan.");
        var service = Enum.TryParse<ProfessionalService>(user.FindFirstValue(Service), out var parsed) ? parsed : (ProfessionalService?)null;
        return new Actor(user.UserId(), user.FindFirstValue(DisplayName) ?? string.Empty, role, role == ActorRole.Professional ? service : null);
    }
}

/// <summary>Puts the display name in the login, so the header shows it without a database read.</summary>
public sealed class PortalClaimsFactory(UserManager<PortalUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.DisplayName, user.DisplayName));
        if (user.Service is { } service)
        {
            identity.AddClaim(new Claim(PortalClaims.Service, service.ToString()));
        }
        return identity;
    }
}
