namespace Portal.Domain;

/// <summary>Checks for free text written by people: trimmed, required or optional, and within its length.</summary>
public static class Text
{
    public static string Required(string? value, int maxLength, string code)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw new DomainException(code + ".Required");
        }

        return trimmed.Length <= maxLength ? trimmed : throw new DomainException(code + ".TooLong");
    }

    public static string? Optional(string? value, int maxLength, string code)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return trimmed.Length <= maxLength ? trimmed : throw new DomainException(code + ".TooLong");
    }
}
