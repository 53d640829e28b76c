using Portal.Domain;

namespace Portal.Pages.Forms;

public static class FormFields
{
    /// <summary>
    /// The field a refused text belongs next to. The domain's text rules are coded after the field they check
    /// ("Goal.Text.TooLong", "Intervention.Who.Required"), so the refusal stands at the form's field of that name, if
    /// the form has one, and above the form otherwise.
    /// </summary>
    public static string TextFieldFor(DomainException refusal, object input, string prefix = "Input")
    {
        ArgumentNullException.ThrowIfNull(refusal);
        ArgumentNullException.ThrowIfNull(input);
        var parts = refusal.Code.Split('.');
        return parts.Length == 3 && input.GetType().GetProperty(parts[1]) is not null ? $"{prefix}.{parts[1]}" : string.Empty;
    }
}
