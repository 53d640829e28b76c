using System.Text.Json;
using Portal.Counselling;
using Portal.Email;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Operations;

/// <summary>A setting that is missing or wrong stops the start with a message naming it; the example file names every setting.</summary>
public sealed class StartupSettingsTests
{
    [Theory]
    [InlineData("Mail:Transport", "Smtp", "Mail:Smtp:Host")]
    [InlineData("Mail:FromAddress", "not an address", "Mail:FromAddress")]
    [InlineData("Mail:Transport", "Pigeon", "Mail:Transport")]
    [InlineData("Database:Provider", "Oracle", "Database:Provider")]
    [InlineData("Counselling:TicketCookieLifetime", "180.00:00:00", "Counselling:TicketCookieLifetime")]
    public void A_wrong_setting_stops_the_start_with_a_message_that_names_it(string key, string value, string named)
    {
        using var factory = PortalFactory.With(new Dictionary<string, string?> { [key] = value });

        var refused = Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Contains(named, refused.AllMessages(), StringComparison.Ordinal);
        factory.DeleteDataFolder();
    }

    [Fact]
    public void PostgreSQL_without_a_connection_string_stops_the_start_naming_the_setting()
    {
        using var factory = PortalFactory.With(new Dictionary<string, string?> { ["Database:Provider"] = "PostgreSQL", ["ConnectionStrings:Portal"] = null });

        var refused = Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Contains("ConnectionStrings:Portal", refused.AllMessages(), StringComparison.Ordinal);
        factory.DeleteDataFolder();
    }

    [Theory]
    [InlineData(typeof(PortalOptions), "Portal")]
    [InlineData(typeof(MailOptions), "Mail")]
    [InlineData(typeof(SmtpOptions), "Mail:Smtp")]
    [InlineData(typeof(CounsellingOptions), "Counselling")]
    [InlineData(typeof(Portal.MitId.MitIdOptions), "Authentication:MitID")]
    [InlineData(typeof(MunicipalityOptions), "Municipality")]
    public void The_example_settings_name_every_setting_the_code_reads(Type options, string section)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var example = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "appsettings.example.json")));
        var element = section.Split(':').Aggregate(example.RootElement, (current, part) => current.GetProperty(part));

        var missing = options.GetProperties().Where(property => property.CanWrite && !element.TryGetProperty(property.Name, out _)).Select(property => property.Name).ToList();

        Assert.True(missing.Count == 0, $"{section} lacks {string.Join(", ", missing)} in appsettings.example.json");
        foreach (var key in new[] { "AllowedHosts", "Database", "ConnectionStrings", "Security", "ForwardedHeaders", "RateLimits" })
        {
            Assert.True(example.RootElement.TryGetProperty(key, out _), key);
        }
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Portal.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Portal.sln not found above the test folder.");
    }
}
