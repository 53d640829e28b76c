using System.ComponentModel.DataAnnotations;

namespace Portal;

/// <summary>
/// Who runs the portal (section "Municipality"): named in the privacy notice (the data controller) and in the
/// accessibility statement, in both languages. Each municipality fills in its own.
/// </summary>
public sealed class MunicipalityOptions
{
    public const string Section = "Municipality";

    [Required]
    public string Name { get; set; } = string.Empty;

    [Required]
    public string Address { get; set; } = string.Empty;

    [Required]
    public string Phone { get; set; } = string.Empty;

    [Required]
    [EmailAddress]
    public string Email { get; set; } = string.Empty;

    /// <summary>The data protection officer (databeskyttelsesrådgiver), whom the privacy notice names.</summary>
    [Required]
    [EmailAddress]
    public string DataProtectionOfficerEmail { get; set; } = string.Empty;

    /// <summary>Where people write about accessibility problems, as the accessibility statement must say.</summary>
    [Required]
    [EmailAddress]
    public string AccessibilityEmail { get; set; } = string.Empty;

    /// <summary>When the accessibility statement was last reviewed against the portal.</summary>
    public DateOnly AccessibilityReviewedOn { get; set; }

    public static void AddMunicipality(WebApplicationBuilder builder) =>
        builder.Services.AddOptions<MunicipalityOptions>()
            .Bind(builder.Configuration.GetSection(Section))
            .ValidateDataAnnotations()
            .Validate(options => options.AccessibilityReviewedOn != default, "Municipality:AccessibilityReviewedOn must be set (yyyy-MM-dd).")
            .ValidateOnStart();
}
