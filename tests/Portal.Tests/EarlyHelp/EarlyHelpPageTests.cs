using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.EarlyHelp;

/// <summary>"Bekymret for et barn eller en ung?": help before there is a case, for anyone, with the municipality's own offers.</summary>
public sealed class EarlyHelpPageTests
{
    private static readonly Dictionary<string, string?> TwoOffers = new()
    {
        ["Portal:Offers:0:Name:da"] = "Sundhedsplejen",
        ["Portal:Offers:0:Name:en"] = "The health visitors",
        ["Portal:Offers:0:Description:da"] = "Sundhedsplejersker for familier med små børn.",
        ["Portal:Offers:0:Description:en"] = "Health visitors for families with young children.",
        ["Portal:Offers:0:HowToReach:da"] = "Telefontid hverdage kl. 8-9.",
        ["Portal:Offers:0:HowToReach:en"] = "Phone hours on weekdays 8-9 am.",
        ["Portal:Offers:0:Phone"] = "+45 70 00 00 10",
        ["Portal:Offers:1:Name:da"] = "Ungdommens Uddannelsesvejledning",
        ["Portal:Offers:1:Name:en"] = "The youth guidance centre",
        ["Portal:Offers:1:Description:da"] = "Vejledning om uddannelse og job.",
        ["Portal:Offers:1:Description:en"] = "Guidance on education and work.",
        ["Portal:Offers:1:Url"] = "https://uu.kommune.example/",
    };

    [Fact]
    public async Task Anyone_finds_the_page_from_the_start_page_without_logging_in_and_reads_the_offers_in_Danish_or_English()
    {
        using var factory = PortalFactory.With(TwoOffers);
        using var client = factory.CreateClient();

        var start = await client.GetPageAsync("/");
        var page = await client.GetPageAsync(start.QuerySelectorAll("main a").Single(link => link.TextContent.StartsWith("Bekymret for et barn", StringComparison.Ordinal)).GetAttribute("href")!);

        Assert.Equal("Bekymret for et barn eller en ung?", page.QuerySelector("h1")?.TextContent);
        var text = page.MainText();
        Assert.Contains("Ring 112", text, StringComparison.Ordinal);
        Assert.Contains("Er du forælder?", text, StringComparison.Ordinal);
        Assert.Contains("Er du ung?", text, StringComparison.Ordinal);
        Assert.Contains("Arbejder du med børn?", text, StringComparison.Ordinal);
        Assert.Equal(["Sundhedsplejen", "Ungdommens Uddannelsesvejledning"], page.QuerySelectorAll("#offers-heading ~ ul h3").Select(heading => heading.TextContent));
        Assert.Contains("Telefontid hverdage kl. 8-9.", text, StringComparison.Ordinal);
        Assert.Equal("tel:+4570000010", page.QuerySelector("a[href^='tel:']")?.GetAttribute("href"));
        Assert.Equal("https://uu.kommune.example/", page.QuerySelector("a[href^='https://uu']")?.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("main a[href='/raadgivning']"));

        using var switched = await client.SubmitAsync(page.Form("header form[action='/sprog']"));
        var english = await client.GetPageAsync("/bekymret");
        Assert.Equal("Worried about a child or a young person?", english.QuerySelector("h1")?.TextContent);
        Assert.Contains("Health visitors for families with young children.", english.MainText(), StringComparison.Ordinal);
        Assert.Contains("The youth guidance centre", english.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_offers_configured_the_page_still_gives_its_guidance_and_the_counselling_line()
    {
        using var factory = new PortalFactory();
        using var client = factory.CreateClient();

        var page = await client.GetPageAsync("/bekymret");

        Assert.Null(page.QuerySelector("#offers-heading"));
        Assert.NotNull(page.QuerySelector("main a[href='/raadgivning']"));
    }

    [Theory]
    [InlineData("Portal:Offers:0:Name:en", "")]
    [InlineData("Portal:Offers:0:Description:da", "")]
    [InlineData("Portal:Offers:1:Url", "http://uu.kommune.example/")]
    public void An_offer_without_both_languages_or_with_a_plain_http_address_stops_the_start_naming_the_setting(string key, string value)
    {
        using var factory = PortalFactory.With(new Dictionary<string, string?>(TwoOffers) { [key] = value });

        var refused = Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Contains("Portal:Offers", refused.AllMessages(), StringComparison.Ordinal);
        factory.DeleteDataFolder();
    }
}
