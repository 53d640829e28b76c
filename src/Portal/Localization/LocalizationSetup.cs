using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.WebEncoders;

namespace Portal.Localization;

public static class LocalizationSetup
{
    public const string CultureCookieName = ".Familieportalen.Culture";

    /// <summary>Danish first; English second. The list is fixed.</summary>
    public static IReadOnlyList<CultureInfo> Cultures { get; } = [new("da-DK"), new("en-GB")];

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
}
