using Microsoft.AspNetCore.StaticAssets;
using Portal;
using Portal.Counselling;
using Portal.Data;
using Portal.Email;
using Portal.Identity;
using Portal.Localization;
using Portal.MitId;
using Portal.MitId.TestProvider;
using Portal.Pages;
using Portal.Security;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(TimeProvider.System);
builder.AddPortalOptions();
MunicipalityOptions.AddMunicipality(builder);
builder.AddPortalData();
builder.AddPortalIdentity();
builder.AddPortalMitId();
builder.AddPortalLocalization();
builder.AddPortalMail();
builder.AddPortalSecurity();
builder.AddPortalCounselling();
builder.Services.AddPortalPages().AddPortalViewLocalization();

var app = builder.Build();

await app.PrepareDatabaseAsync();

app.UsePortalSecurity();
app.UseRouting();
// Files under wwwroot are answered here, before the login is read: they are the same for everybody, yet a browser sends
// its login cookie with every stylesheet, font and script, and each would be decrypted and its stamp looked up.
app.Use((context, next) =>
    context.GetEndpoint() is { RequestDelegate: { } serve } endpoint && endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is not null
        ? serve(context)
        : next(context));
app.UsePortalData();
app.UsePortalLocalization();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapHealthChecks("/healthz", new() { Predicate = check => check.Tags.Contains("live") }).AllowAnonymous().DisableRateLimiting();
app.MapHealthChecks("/healthz/ready", new() { Predicate = _ => true }).AllowAnonymous().DisableRateLimiting();
// Everything under wwwroot: fingerprinted names (the layout's links carry them), immutable for a year, ETags, and
// Brotli and gzip made at publish. Open to everyone: the login page needs its styles. The files are answered before
// authorization and rate limits (after routing, above); the two calls keep them open if that order ever changes.
app.MapStaticAssets().AllowAnonymous().DisableRateLimiting();
app.MapRazorPages().WithStaticAssets();
app.MapTestMitIdProvider();

// The warning before a login runs out offers to keep it: any signed-in request renews the login cookie, and this one
// says how long the login now has (WCAG 2.2.1).
app.MapGet("/session/forny", async (HttpContext context) =>
{
    context.Response.Headers.CacheControl = "no-store";
    return Results.Json(new { secondsLeft = await IdentitySetup.SecondsLeftAsync(context) });
}).RequireAuthorization();

// Unknown addresses answer 404 (the friendly page), for visitors too, rather than a login prompt; a missing file
// such as /favicon.ico too (the default fallback pattern leaves out paths that look like files).
app.MapFallback("{*path}", context =>
{
    context.Response.StatusCode = StatusCodes.Status404NotFound;
    return Task.CompletedTask;
}).AllowAnonymous();

await app.RunAsync();

/// <summary>The entry point, visible to the test projects' WebApplicationFactory.</summary>
public partial class Program;
