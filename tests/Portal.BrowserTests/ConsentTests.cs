using Microsoft.Playwright;
using Portal.Data;

namespace Portal.BrowserTests;

/// <summary>Journey 1 on a phone: a parent gives consent, sees the receipt (and gets it by email), then withdraws it.</summary>
public sealed class ConsentTests(PortalServer server) : IClassFixture<PortalServer>
{
    [Fact]
    public async Task A_parent_gives_consent_sees_the_receipt_withdraws_it_and_sees_the_history()
    {
        var page = await server.NewPhoneAsync();
        await Phone.LogInAsync(page, DemoData.Users[0].Email);

        await page.Locator("main .card").Filter(new() { HasText = "Oskar Jensen" }).GetByRole(AriaRole.Link, new() { Name = "Samtykker" }).ClickAsync();
        Assert.Equal("Samtykker for Oskar Jensen", await page.Locator("h1").TextContentAsync());
        await Phone.AssertAccessibleAsync(page, "consents");

        var row = page.Locator("main .card").Filter(new() { HasText = "Sundhedsplejen må deltage i netværksmøder om Oskar Jensen" });
        await row.GetByRole(AriaRole.Link, new() { Name = "Giv samtykke" }).ClickAsync();
        Assert.Contains("Det, der allerede er delt, bliver ikke trukket tilbage.", await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        await Phone.AssertAccessibleAsync(page, "give consent");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ja, jeg giver samtykke" }).ClickAsync();

        // Oskar has two custody holders: Sofie's yes waits for Anders', and the receipt says so.
        Assert.Equal("Dit ja er registreret.", await page.Locator("h1").TextContentAsync());
        Assert.Contains("Samtykket gælder, når Anders Jensen også har sagt ja.", await page.Locator("main .font-lead").TextContentAsync(), StringComparison.Ordinal);
        await Phone.AssertAccessibleAsync(page, "receipt");
        await Phone.SaveScreenshotAsync(page, "consent-receipt-360");
        var receipts = await server.Smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(20));
        Assert.Contains(receipts, mail => mail.Subject == "Kvittering: Dit ja er registreret" && mail.To.Mailboxes.Single().Address == DemoData.Users[0].Email);

        await page.GetByRole(AriaRole.Link, new() { Name = "Træk samtykket tilbage" }).ClickAsync();
        await Phone.AssertAccessibleAsync(page, "withdraw");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ja, træk mit samtykke tilbage" }).ClickAsync();
        Assert.Equal("Dit samtykke er trukket tilbage.", await page.Locator("h1").TextContentAsync());
        Assert.Contains("Sundhedsplejen bliver ikke inddraget fra nu af.", await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Tilbage til samtykker" }).ClickAsync();
        var history = await page.Locator("main ol li").AllTextContentsAsync();
        Assert.Contains("Du sagde nej eller trak samtykke tilbage", history[0], StringComparison.Ordinal);
        Assert.Contains("Du gav samtykke", history[1], StringComparison.Ordinal);
        await Phone.SaveScreenshotAsync(page, "consent-history-360");
    }
}
