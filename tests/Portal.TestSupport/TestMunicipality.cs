namespace Portal.TestSupport;

/// <summary>The municipality the test portals run for (section "Municipality"), named in the privacy notice and the accessibility statement.</summary>
public static class TestMunicipality
{
    public const string Name = "Testby Kommune";
    public const string Email = "familier@testby.example";
    public const string DataProtectionOfficerEmail = "dpo@testby.example";
    public const string AccessibilityEmail = "web@testby.example";

    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Municipality:Name"] = Name,
        ["Municipality:Address"] = "Torvet 1, 9990 Testby",
        ["Municipality:Phone"] = "99 99 99 99",
        ["Municipality:Email"] = Email,
        ["Municipality:DataProtectionOfficerEmail"] = DataProtectionOfficerEmail,
        ["Municipality:AccessibilityEmail"] = AccessibilityEmail,
        ["Municipality:AccessibilityReviewedOn"] = "2026-11-30",
    };
}
