using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Security;

namespace Portal.Identity;

public static class IdentitySetup
{
    public const string CookieName = "__Host-Familieportalen";

    /// <summary>Only for local development over plain http (Security:HttpsOnly=false): browsers refuse __Host- cookies there.</summary>
    public const string PlainHttpCookieName = "Familieportalen";

    /// <summary>The longest a login lasts, however active the user is.</summary>
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(12);

    /// <summary>A login ends after this long without a request.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The hard stop, counted in the database for all instances. Low enough to stop guessing from many addresses, high
    /// enough that a few strangers' wrong tries cannot lock a parent out: <see cref="LoginThrottle"/> slows each address first.
    /// </summary>
    public const int LockoutAfterFailures = 20;

    private const string SignedInAtKey = "portal.signed-in-at";

    public static void AddPortalIdentity(this WebApplicationBuilder builder)
    {
        var httpsOnly = SecuritySetup.HttpsOnly(builder.Configuration);
        builder.Services
            .AddIdentity<PortalUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;

                // The user name is the e-mail address: whatever the portal's e-mail rule accepts (Domain.EmailAddress).
                options.User.AllowedUserNameCharacters += "'";
                options.SignIn.RequireConfirmedAccount = false;

                // Length, not composition (NIST SP 800-63B); common passwords are refused by CommonPasswordValidator.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;

                options.Lockout.MaxFailedAccessAttempts = LockoutAfterFailures;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<InvitationTokenProvider>(InvitationTokenProvider.ProviderName)
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddPasswordValidator<GuessablePasswordValidator>()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>();

        builder.Services.AddSingleton<CommonPasswords>();
        builder.Services.AddScoped<InvitationLinks>();
        builder.Services.AddSingleton<LoginThrottle>();

        builder.Services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromHours(2));
        var invitationLifetime = builder.Configuration.GetValue("Portal:InvitationLifetime", TimeSpan.FromDays(7));
        builder.Services.Configure<InvitationTokenProviderOptions>(options => options.TokenLifespan = invitationLifetime);

        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = httpsOnly ? CookieName : PlainHttpCookieName;
            options.Cookie.SecurePolicy = httpsOnly ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.Path = "/";
            options.ExpireTimeSpan = IdleTimeout;
            options.SlidingExpiration = true;
            options.LoginPath = "/Identity/Account/Login";
            options.LogoutPath = "/Identity/Account/Logout";
            options.AccessDeniedPath = "/Identity/Account/AccessDenied";
            options.Events.OnSigningIn = RememberWhenSignedIn;
            options.Events.OnSignedIn = Localization.LocalizationSetup.FollowThePersonAtLoginAsync;
            options.Events.OnValidatePrincipal = EnforceAbsoluteLifetimeThenSecurityStamp;
            options.Events.OnRedirectToLogin = SayWhyOnTheLoginPage;
        });

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Staff, policy => policy.RequireRole(Roles.Caseworker, Roles.Counsellor, Roles.Admin))
            .AddPolicy(Policies.Family, policy => policy.RequireRole(Roles.Parent, Roles.Youth))
            .AddPolicy(Policies.Caseworker, policy => policy.RequireRole(Roles.Caseworker))
            .AddPolicy(Policies.Admin, policy => policy.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Counsellor, policy => policy.RequireRole(Roles.Counsellor))
            .AddPolicy(Policies.Professional, policy => policy.RequireRole(Roles.Professional));
    }

    /// <summary>The login page's query parameter that says a login ran out, and whether a form sent with it was lost.</summary>
    public const string LoggedOutParameter = "udlogget";

    public const string LoggedOutFormLost = "ikke-gemt";

    /// <summary>
    /// A request that still carries a login cookie, but one that has run out (30 minutes idle, 12 hours in all, or a
    /// logout elsewhere), lands on the login page with a word on why, and on whether what it sent was lost.
    /// </summary>
    private static Task SayWhyOnTheLoginPage(RedirectContext<CookieAuthenticationOptions> context)
    {
        // The page's own "keep me logged in" call (a script) is told 401, not sent to the login page.
        if (context.Request.Headers.XRequestedWith == "XMLHttpRequest")
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }

        var redirect = context.RedirectUri;
        if (context.Request.Cookies.ContainsKey(context.Options.Cookie.Name!))
        {
            redirect = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(redirect, LoggedOutParameter, HttpMethods.IsPost(context.Request.Method) ? LoggedOutFormLost : "ja");
        }

        context.Response.Redirect(redirect);
        return Task.CompletedTask;
    }

    /// <summary>
    /// How many seconds the current login has left, counting the renewal this request brings (the cookie is renewed
    /// when less time remains than has passed) and the 12-hour limit; null when nobody is signed in. The page's
    /// warning before the login runs out (WCAG 2.2.1) counts down from it.
    /// </summary>
    public static async Task<int?> SecondsLeftAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var login = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!login.Succeeded || login.Properties is not { IssuedUtc: { } issued, ExpiresUtc: { } expires } properties)
        {
            return null;
        }

        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var end = expires - now < now - issued ? now + IdleTimeout : expires;
        if (SignedInAt(properties) is { } signedInAt && signedInAt + AbsoluteLifetime < end)
        {
            end = signedInAt + AbsoluteLifetime;
        }

        return (int)Math.Max(0, Math.Ceiling((end - now).TotalSeconds));
    }

    /// <summary>When this login began (kept in the cookie by <see cref="RememberWhenSignedIn"/>), or null if it does not say.</summary>
    private static DateTimeOffset? SignedInAt(AuthenticationProperties properties) =>
        properties.Items.TryGetValue(SignedInAtKey, out var value)
        && long.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    private static Task RememberWhenSignedIn(CookieSigningInContext context)
    {
        // A refreshed sign-in (after a password change) keeps the original time.
        var now = context.Options.TimeProvider?.GetUtcNow() ?? DateTimeOffset.UtcNow;
        context.Properties.Items.TryAdd(SignedInAtKey, now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Task.CompletedTask;
    }

    private static async Task EnforceAbsoluteLifetimeThenSecurityStamp(CookieValidatePrincipalContext context)
    {
        var now = context.Options.TimeProvider?.GetUtcNow() ?? DateTimeOffset.UtcNow;
        if (SignedInAt(context.Properties) is not { } signedInAt || now - signedInAt > AbsoluteLifetime)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        await StillCurrentAsync(context);
    }

    /// <summary>
    /// Logging out or changing the password anywhere gives the account a new security stamp; a cookie with the old one
    /// is refused on the next request, on every instance. Checked on every request with one query by primary key for the
    /// stamp alone, instead of Identity's validator, which also reloads the user, claims and roles (five queries). The
    /// claims in the cookie change only with a new sign-in: roles are given when an account is made, and the pages that
    /// change what the cookie holds sign in again.
    /// </summary>
    private static async Task StillCurrentAsync(CookieValidatePrincipalContext context)
    {
        var stampType = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = context.Principal?.FindFirstValue(stampType);
        if (userId is not null && stamp is not null)
        {
            var db = context.HttpContext.RequestServices.GetRequiredService<PortalDbContext>();
            var current = await db.Users.Where(user => user.Id == userId).Select(user => user.SecurityStamp).FirstOrDefaultAsync(context.HttpContext.RequestAborted);
            if (current == stamp)
            {
                return;
            }
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}

public static class Policies
{
    public const string Staff = "Staff";
    public const string Family = "Family";
    public const string Caseworker = "Caseworker";
    public const string Admin = "Admin";
    public const string Counsellor = "Counsellor";
    public const string Professional = "Professional";
}
