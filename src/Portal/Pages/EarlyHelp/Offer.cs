using System.Globalization;

namespace Portal.Pages.EarlyHelp;

/// <summary>One of the municipality's open offers (setting <c>Portal:Offers</c>): what it is and how to reach it, in Danish and English.</summary>
public sealed class Offer
{
    /// <summary>By language: "da" and "en".</summary>
    public Dictionary<string, string> Name { get; set; } = [];

    /// <summary>Who it is for and what it offers, in everyday words; by language.</summary>
    public Dictionary<string, string> Description { get; set; } = [];

    /// <summary>Opening hours or how to get in touch, when more than a number is needed; by language.</summary>
    public Dictionary<string, string> HowToReach { get; set; } = [];

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public Uri? Url { get; set; }

    internal bool IsComplete =>
        HasBothLanguages(Name) && HasBothLanguages(Description)
        && (!string.IsNullOrWhiteSpace(Phone) || !string.IsNullOrWhiteSpace(Email) || Url is not null)
        && (Url is null || Url is { IsAbsoluteUri: true, Scheme: "https" });

    /// <summary>The text in the page's language, or in Danish when there is none in it.</summary>
    public static string? In(Dictionary<string, string> texts, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(culture);
        return texts.GetValueOrDefault(culture.TwoLetterISOLanguageName) ?? texts.GetValueOrDefault("da");
    }

    private static bool HasBothLanguages(Dictionary<string, string> texts) =>
        !string.IsNullOrWhiteSpace(texts.GetValueOrDefault("da")) && !string.IsNullOrWhiteSpace(texts.GetValueOrDefault("en"));
}
