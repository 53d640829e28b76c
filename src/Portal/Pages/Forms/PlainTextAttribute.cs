using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace Portal.Pages.Forms;

/// <summary>
/// Refuses text that looks like markup ("&lt;script", "&lt;/b", "&lt;!--"): the portal stores plain words. Text is always
/// shown encoded anyway; this tells the writer at once instead of showing their tags back to them.
/// "1 &lt; 2" and "&lt;3" are fine.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed partial class PlainTextAttribute : ValidationAttribute
{
    private const string MessageKey = "Validation.PlainText";

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        if (value is not string text || !Markup().IsMatch(text))
        {
            return ValidationResult.Success;
        }

        return FieldError.For(validationContext, MessageKey);
    }

    [GeneratedRegex(@"<\s*[a-zA-Z/!?]", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Markup();
}
