using Microsoft.Playwright;
using Portal.Data;

namespace Portal.BrowserTests;

/// <summary>Journey 3 on a phone: anonymous, no name; a counsellor offers a time and the person accepts.</summary>
public sealed class CounsellingTests(PortalServer server) : IClassFixture<PortalServer>
{
    [Fact]
    public async Task Someone_asks_anonymously_keeps_the_code_gets_an_offer_and_accepts_it()
    {
        var phone = await server.NewPhoneAsync();
        await phone.GotoAsync("/");
        await phone.GetByRole(AriaRole.Link, new() { Name = "Spørg om en samtale" }).ClickAsync();
        Assert.Equal("Tal med en rådgiver – anonymt", await phone.Locator("h1").TextContentAsync());
        await Phone.AssertAccessibleAsync(phone, "ask");

        await phone.GetByLabel("Ung", new() { Exact = true }).CheckAsync();
        await phone.GetByLabel("Sorg").CheckAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        Assert.Contains("Du er nummer 1 i køen.", await phone.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        var code = await phone.Locator("main .portal-code").TextContentAsync();
        Assert.Matches("^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$", code);
        await phone.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Kopiér koden" }).ClickAsync();
        await Assertions.Expect(phone.Locator("main [data-copy-done]")).ToHaveTextAsync("Koden er kopieret.");
        Assert.Equal(code, await phone.EvaluateAsync<string>("navigator.clipboard.readText()"));
        await Phone.AssertAccessibleAsync(phone, "status");
        await Phone.SaveScreenshotAsync(phone, "counselling-status-360");

        var counsellor = await server.NewPhoneAsync();
        await Phone.LogInAsync(counsellor, DemoData.Users[4].Email);
        Assert.Equal("Køen hos De Åbne Rådgivninger", await counsellor.Locator("h1").TextContentAsync());
        await Phone.AssertAccessibleAsync(counsellor, "line");
        await counsellor.GetByRole(AriaRole.Link, new() { Name = "Giv tilbud til den næste i køen" }).ClickAsync();
        await Phone.AssertAccessibleAsync(counsellor, "offer");
        await counsellor.GetByLabel("Sted (ikke nødvendigt ved online)").FillAsync("Familiehuset");
        await counsellor.GetByRole(AriaRole.Button, new() { Name = "Giv tilbuddet" }).ClickAsync();
        Assert.Contains("Tilbuddet er givet til nummer", await counsellor.GetByRole(AriaRole.Status).TextContentAsync(), StringComparison.Ordinal);

        // The person comes back later, on the same phone: the place is remembered without typing the code.
        await phone.GotoAsync("/raadgivning");
        Assert.Contains("Vi har en tid til dig", await phone.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("Familiehuset, med Mette.", await phone.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        await Phone.AssertAccessibleAsync(phone, "offer for the person");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Ja tak" }).ClickAsync();
        Assert.Contains("Tak. Vi glæder os til at se dig.", await phone.GetByRole(AriaRole.Status).TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("Du har sagt ja til tiden", await phone.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        await Phone.AssertAccessibleAsync(phone, "accepted");

        // Another device opens the same place with the code.
        var laptop = await server.NewPhoneAsync();
        await laptop.GotoAsync("/raadgivning/kode");
        await laptop.GetByLabel("Din kode").FillAsync(code!);
        await laptop.GetByRole(AriaRole.Button, new() { Name = "Vis min plads" }).ClickAsync();
        Assert.Contains("Du har sagt ja til tiden", await laptop.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(code!, laptop.Url, StringComparison.Ordinal);

        // Giving up the place is asked once; "keep my place" changes nothing.
        await laptop.GetByRole(AriaRole.Link, new() { Name = "Jeg har ikke brug for det længere" }).ClickAsync();
        await Assertions.Expect(laptop.Locator("main h1")).ToHaveTextAsync("Har du ikke brug for det længere?");
        await Phone.AssertAccessibleAsync(laptop, "give up the place");
        await laptop.GetByRole(AriaRole.Link, new() { Name = "Nej, behold min plads" }).ClickAsync();
        await Assertions.Expect(laptop.Locator("main")).ToContainTextAsync("Du har sagt ja til tiden");
    }
}
