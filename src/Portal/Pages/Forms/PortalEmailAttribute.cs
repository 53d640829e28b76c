using System.ComponentModel.DataAnnotations;
using Portal.Domain;

namespace Portal.Pages.Forms;

/// <summary>
/// An e-mail field checked by the portal's one e-mail rule (<see cref="EmailAddress"/>), so the form says at once what
/// the domain would refuse, and nothing is accepted that mail or a calendar invitation cannot carry.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PortalEmailAttribute : ValidationAttribute
{
    private const string MessageKey = "Validation.Email";

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        if (value is not string text || string.IsNullOrWhiteSpace(text) || EmailAddress.TryParse(text, out _))
        {
            return ValidationResult.Success;
        }

        return FieldError.For(validationContext, MessageKey);
    }
}
