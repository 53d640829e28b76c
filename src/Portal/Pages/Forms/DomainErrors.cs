using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Portal.Domain;

namespace Portal.Pages.Forms;

public static class DomainErrors
{
    /// <summary>Turns a refused domain move into a message in the user's language, next to the field it concerns.</summary>
    public static void AddDomainError(this ModelStateDictionary modelState, IStringLocalizer<SharedResource> text, DomainException exception, string field = "")
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(exception);
        var message = text["Domain." + exception.Code];
        modelState.AddModelError(field, message.ResourceNotFound ? text["Identity.DefaultError"] : message.Value);
    }

    public static void AddConcurrencyError(this ModelStateDictionary modelState, IStringLocalizer<SharedResource> text)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(text);
        modelState.AddModelError(string.Empty, text["Form.ChangedMeanwhile"]);
    }
}
