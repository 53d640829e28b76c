using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;

namespace Portal.Pages.Forms;

/// <summary>The refusal of the portal's own validation attributes, in the user's language, next to the field.</summary>
public static class FieldError
{
    /// <remarks>MVC localizes only its built-in attributes; the portal's ask the shared resources themselves.</remarks>
    public static ValidationResult For(ValidationContext validationContext, string messageKey)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        var localizer = validationContext.GetService(typeof(IStringLocalizer<SharedResource>)) as IStringLocalizer<SharedResource>;
        var message = localizer?[messageKey, validationContext.DisplayName].Value ?? messageKey;
        return new ValidationResult(message, validationContext.MemberName is { } member ? [member] : null);
    }
}
