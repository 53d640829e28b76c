using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.WebEncoders;
using Portal.Data;

namespace Portal.Localization;

public static class LocalizationSetup
{
    public const string CultureCookieName = ".Familieportalen.Culture";

    /// <summary>Danish first; English second. The list is fixed.</summary>
    public static IReadOnlyList<CultureInfo> Cultures { get; } = [new("da-DK"), new("en-GB")];

    /// <summary>The portal's culture of this name ("en-GB"), or Danish for any other name or none.</summary>
    public static CultureInfo CultureOf(string? name) => Cultures.FirstOrDefault(culture => culture.Name == name) ?? Cultures[0];

    public static void AddPortalLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");

        // Write æ, ø, å and other letters as themselves rather than as numeric entities: lighter, readable pages.
        builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            options.SupportedCultures = [.. Cultures];
            options.SupportedUICultures = [.. Cultures];
            options.FallBackToParentUICultures = true;

            // Only the visitor's own choice changes the language; the browser's setting does not override Danish.
            options.RequestCultureProviders = [new CookieRequestCultureProvider { CookieName = CultureCookieName }];
        });
    }

    public static IMvcBuilder AddPortalViewLocalization(this IMvcBuilder mvc)
    {
        ArgumentNullException.ThrowIfNull(mvc);

        // Model binding's own messages ("The value 'x' is not valid for y") in the user's language too.
        mvc.Services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((options, factory) =>
        {
            var text = factory.Create(typeof(SharedResource));
            var messages = options.ModelBindingMessageProvider;
            messages.SetAttemptedValueIsInvalidAccessor((_, field) => text["Binding.Invalid", field]);
            messages.SetUnknownValueIsInvalidAccessor(field => text["Binding.Invalid", field]);
            messages.SetValueMustBeANumberAccessor(field => text["Binding.Invalid", field]);
            messages.SetValueMustNotBeNullAccessor(field => text["Validation.Required", field]);
            messages.SetMissingBindRequiredValueAccessor(field => text["Validation.Required", field]);
            messages.SetValueIsInvalidAccessor(_ => text["Binding.InvalidNoField"]);
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => text["Binding.InvalidNoField"]);
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => text["Binding.InvalidNoField"]);
            messages.SetNonPropertyValueMustBeANumberAccessor(() => text["Binding.InvalidNoField"]);
            messages.SetMissingKeyOrValueAccessor(() => text["Binding.InvalidNoField"]);
            messages.SetMissingRequestBodyRequiredValueAccessor(() => text["Binding.InvalidNoField"]);
        });

        return mvc
            .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
    }

    public static void UsePortalLocalization(this WebApplication app) => app.UseRequestLocalization();

    /// <summary>Remembers the visitor's language on this device for a year.</summary>
    public static void RememberOnThisDevice(HttpContext context, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Append(
            CultureCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, Secure = context.Request.IsHttps, HttpOnly = true, SameSite = SameSiteMode.Lax });
    }

    /// <summary>
    /// At each login the language follows the person: one chosen on this device before logging in becomes theirs (their
    /// mail is written in it); on a device where none was chosen, the portal speaks the language they chose elsewhere.
    /// </summary>
    public static async Task FollowThePersonAtLoginAsync(CookieSignedInContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var db = context.HttpContext.RequestServices.GetRequiredService<PortalDbContext>();
        if (userId is null || await db.Users.FindAsync([userId], context.HttpContext.RequestAborted) is not { } user)
        {
            return;
        }

        if (context.Request.Cookies.ContainsKey(CultureCookieName))
        {
            var chosen = context.HttpContext.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture.Name ?? Cultures[0].Name;
            if (user.Language != chosen)
            {
                user.Language = chosen;
                await db.SaveChangesAsync(context.HttpContext.RequestAborted);
            }
        }
        else if (user.Language is not null)
        {
            RememberOnThisDevice(context.HttpContext, CultureOf(user.Language));
        }
    }
}
