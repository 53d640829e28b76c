using System.Net;
using System.Xml.Linq;
using Portal.TestSupport;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Localization;

public sealed class LanguageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Danish_is_the_default_even_when_the_browser_asks_for_English()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US,en;q=0.9");

        var home = await client.GetPageAsync("/");

        Assert.Equal("da", home.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Velkommen til Familieportalen", home.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task The_language_switch_changes_the_page_and_remembers_the_choice()
    {
        using var client = factory.CreateClient();
        var home = await client.GetPageAsync("/Identity/Account/Login");

        using var switched = await client.SubmitAsync(home.Form("header form[action='/sprog']"));

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/Identity/Account/Login", switched.Location());
        var english = await client.GetPageAsync("/Identity/Account/Login");
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Log in", english.QuerySelector("h1")?.TextContent);
        Assert.Equal("Email", english.QuerySelector("label[for=Input_Email]")?.TextContent);

        var later = await client.GetPageAsync("/");
        Assert.Equal("Welcome to Familieportalen", later.QuerySelector("h1")?.TextContent);
        Assert.Equal("Dansk", later.QuerySelector("header form[action='/sprog'] button")?.TextContent);
    }

    [Fact]
    public async Task The_language_switch_never_sends_the_visitor_to_another_site()
    {
        using var client = factory.CreateClient();
        var page = await client.GetPageAsync("/");

        using var response = await client.SubmitAsync(page.Form("header form[action='/sprog']"), new Dictionary<string, string> { ["returnUrl"] = "https://evil.example/" });

        Assert.Equal("/", response.Location());
    }

    [Fact]
    public void Every_Danish_text_has_an_English_twin_and_no_text_is_empty()
    {
        var resources = Path.Combine(Repository.Root, "src", "Portal", "Resources");
        var danishFiles = Directory.GetFiles(resources, "*.da.resx", SearchOption.AllDirectories);
        Assert.NotEmpty(danishFiles);
        foreach (var danish in danishFiles)
        {
            var english = danish[..^"da.resx".Length] + "en.resx";
            Assert.True(File.Exists(english), $"{english} is missing");
            var danishTexts = Read(danish);
            var englishTexts = Read(english);
            Assert.Equal(danishTexts.Keys.Order(StringComparer.Ordinal), englishTexts.Keys.Order(StringComparer.Ordinal));
            Assert.All(danishTexts.Concat(englishTexts), text => Assert.False(string.IsNullOrWhiteSpace(text.Value), $"{text.Key} is empty"));
        }
    }

    private static Dictionary<string, string> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(data => (string)data.Attribute("name")!, data => (string?)data.Element("value") ?? string.Empty);
}
