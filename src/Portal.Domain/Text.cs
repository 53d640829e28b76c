using System.Text;

namespace Portal.Domain;

/// <summary>
/// Checks for free text written by people: cleaned, trimmed, required or optional, and within its length. Cleaning
/// keeps the words and drops what only confuses: control characters (line breaks and tabs stay), the invisible
/// direction overrides that can make text read backwards, and different Unicode spellings of the same letter (NFC).
/// </summary>
public static class Text
{
    public static string Required(string? value, int maxLength, string code)
    {
        var cleaned = Clean(value);
        if (cleaned.Length == 0)
        {
            throw new DomainException(code + ".Required");
        }

        return cleaned.Length <= maxLength ? cleaned : throw new DomainException(code + ".TooLong");
    }

    public static string? Optional(string? value, int maxLength, string code)
    {
        var cleaned = Clean(value);
        if (cleaned.Length == 0)
        {
            return null;
        }

        return cleaned.Length <= maxLength ? cleaned : throw new DomainException(code + ".TooLong");
    }

    /// <summary>The text as it is stored: see the class summary.</summary>
    public static string Clean(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var text = value.ReplaceLineEndings("\n");
        var kept = new StringBuilder(text.Length);
        for (var index = 0; index < text.Length; index++)
        {
            var character = text[index];
            if (char.IsHighSurrogate(character) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                kept.Append(character).Append(text[++index]);
            }
            else if (character is '\n' or '\t' || !(char.IsControl(character) || char.IsSurrogate(character) || IsDirectionOverride(character)))
            {
                kept.Append(character);
            }
        }

        var cleaned = kept.ToString().Trim();
        // Stryker disable once Conditional : only spares the copy; normalizing text already normalized gives the same text.
        return cleaned.IsNormalized(NormalizationForm.FormC) ? cleaned : cleaned.Normalize(NormalizationForm.FormC);
    }

    // LRE, RLE, PDF, LRO, RLO and the isolates LRI, RLI, FSI, PDI. The plain marks (LRM, RLM) are harmless and stay.
    private static bool IsDirectionOverride(char character) => character is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
