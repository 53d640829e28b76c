using System.Reflection;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Portal.Pages.Forms;

/// <summary>
/// A yes/no field posted with something other than true or false ("-1", a forged value) is a field error, and the form
/// is drawn again. The checkbox tag helper would try to read the posted text as a yes or no and fail with a 500, so the
/// unreadable value is dropped here; the error message stays.
/// </summary>
public sealed class UnreadableCheckboxValues : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var modelState = context.ModelState;
        foreach (var (key, entry) in modelState.Where(item => item.Value?.ValidationState == ModelValidationState.Invalid).ToList())
        {
            if (entry?.AttemptedValue is { } attempted && !bool.TryParse(attempted, out _) && IsYesNo(context.HandlerInstance.GetType(), key))
            {
                modelState.SetModelValue(key, rawValue: null, attemptedValue: null);
            }
        }
    }

    /// <summary>Whether the dotted form name ("Input.Online") leads to a bool property of the page.</summary>
    private static bool IsYesNo(Type type, string key)
    {
        foreach (var part in key.Split('.'))
        {
            if (type.GetProperty(part, BindingFlags.Public | BindingFlags.Instance) is not { } property)
            {
                return false;
            }

            type = property.PropertyType;
        }

        return Nullable.GetUnderlyingType(type) is { } underlying ? underlying == typeof(bool) : type == typeof(bool);
    }
}
