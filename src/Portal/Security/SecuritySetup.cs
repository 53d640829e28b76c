using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Portal.Security;

public static class SecuritySetup
{
    /// <summary>Answers to the login, two-step, password-reset and invitation forms: a small budget per client address (<see cref="FormRateLimits"/>).</summary>
    public const string AccountPolicy = "account";

    /// <summary>Anonymous counselling: sending a request and looking up a code, per client address, kept in memory only.</summary>
    public const string CounsellingPolicy = "counselling";

    /// <summary>Pages opened with a secret link and no login (a meeting answer, a calendar feed): guessing is slowed down too.</summary>
    public const string LinkPolicy = "links";

    /// <summary>
    /// True unless Security:HttpsOnly is false, which only local development over plain http should set:
    /// cookies are then sent without Secure and without the __Host- prefix.
    /// </summary>
    public static bool HttpsOnly(IConfiguration configuration) => configuration.GetValue("Security:HttpsOnly", true);

    public static void AddPortalSecurity(this WebApplicationBuilder builder)
    {
        var httpsOnly = HttpsOnly(builder.Configuration);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = httpsOnly ? "__Host-Familieportalen.Antiforgery" : "Familieportalen.Antiforgery";
            options.Cookie.SecurePolicy = httpsOnly ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });

        builder.Services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(options =>
        {
            options.Cookie.Name = httpsOnly ? "__Host-Familieportalen.Messages" : "Familieportalen.Messages";
            options.Cookie.SecurePolicy = httpsOnly ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });

        // Behind a TLS-terminating proxy the port cannot be discovered; 443 is what browsers use.
        builder.Services.AddHttpsRedirection(options => options.HttpsPort = builder.Configuration.GetValue("Security:HttpsPort", 443));

        builder.Services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });

        builder.AddForwardedHeaders();

        var counsellingPermits = builder.Configuration.GetValue("Counselling:PermitsPerMinute", 20);
        var linkPermits = builder.Configuration.GetValue("RateLimits:LinkPermitsPerMinute", 60);
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;

            options.AddPolicy(CounsellingPolicy, context => PerClientAddress(context, counsellingPermits));
            options.AddPolicy(LinkPolicy, context => PerClientAddress(context, linkPermits));
            options.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var seconds = ClientLimits.Seconds(retryAfter).ToString(CultureInfo.InvariantCulture);
                context.HttpContext.Response.Headers.RetryAfter = seconds;

                // The status page shows a friendly message; it needs the wait, since re-execution clears headers.
                context.HttpContext.Items[RetryAfterItem] = seconds;
                return ValueTask.CompletedTask;
            };
        });
    }

    public const string RetryAfterItem = "portal.retry-after";

    private static RateLimitPartition<string> PerClientAddress(HttpContext context, int permitsPerMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(ClientLimits.Address(context), _ => ClientLimits.PerMinute(permitsPerMinute));

    public static void UsePortalSecurity(this WebApplication app)
    {
        // First of all: the client's real address and scheme, from a known proxy only, for everything after.
        app.UseForwardedHeaders();
        app.UseSecurityHeaders(new HeaderPolicyCollection()
            .AddFrameOptionsDeny()
            .AddContentTypeOptionsNoSniff()
            .AddReferrerPolicyNoReferrer()
            .AddCrossOriginOpenerPolicy(policy => policy.SameOrigin())
            .AddPermissionsPolicy(policy =>
            {
                policy.AddCamera().None();
                policy.AddMicrophone().None();
                policy.AddGeolocation().None();
            })
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self();
                csp.AddStyleSrc().Self();
                csp.AddImgSrc().Self().Data();
                csp.AddFontSrc().Self();
                csp.AddConnectSrc().Self();
                // A form may lead to the portal itself, and to the MitID broker ("Log ind med MitID" answers with a
                // redirect there, which form-action covers too).
                var formAction = csp.AddFormAction().Self();
                if (app.Configuration.GetValue<Uri?>($"{MitId.MitIdOptions.Section}:{nameof(MitId.MitIdOptions.Authority)}") is { IsAbsoluteUri: true } broker)
                {
                    formAction.From(broker.GetLeftPart(UriPartial.Authority));
                }
                csp.AddObjectSrc().None();
                csp.AddBaseUri().None();
                csp.AddFrameAncestors().None();
            })
            .RemoveServerHeader());

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Errors/Status/500");
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseStatusCodePagesWithReExecute("/Errors/Status/{0}");

        // Pages carry personal data: never keep them in a shared or back-button cache.
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                if (!context.Response.Headers.ContainsKey("Cache-Control") && context.Response.ContentType?.StartsWith("text/html", StringComparison.Ordinal) == true)
                {
                    context.Response.Headers.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
