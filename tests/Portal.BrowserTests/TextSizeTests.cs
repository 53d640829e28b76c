using Microsoft.Playwright;
using Portal.Data;

namespace Portal.BrowserTests;

/// <summary>
/// WCAG 1.4.4 on a 360 px phone: with the text at twice its size nothing goes off the screen (the header bar wraps,
/// long e-mail addresses break), and the language switch can still be reached.
/// </summary>
public sealed class TextSizeTests(PortalServer server) : IClassFixture<PortalServer>
{
    [Fact]
    public async Task At_200_percent_text_the_pages_still_fit_a_phone()
    {
        var page = await server.NewPhoneAsync();
        foreach (var address in new[] { "/", "/raadgivning", "/Identity/Account/Login", "/privatliv" })
        {
            await page.GotoAsync(address);
            await AssertFitsAtDoubleTextAsync(page, address);
        }

        // Emma's meeting page lists people with their e-mail addresses.
        await Phone.LogInAsync(page, DemoData.Users[2].Email);
        await AssertFitsAtDoubleTextAsync(page, "Emma's start page");
        await page.Locator("main a[href^='/moeder/']").First.ClickAsync();
        await page.Locator("main h1").WaitForAsync();
        await AssertFitsAtDoubleTextAsync(page, "Emma's meeting page");
        await Phone.SaveScreenshotAsync(page, "meeting-200-percent-text-360");
        await page.GotoAsync("/");
        await page.Locator("main a[href^='/plan/']").First.ClickAsync();
        await page.Locator("main h1").WaitForAsync();
        await AssertFitsAtDoubleTextAsync(page, "Emma's plan");
    }

    private static async Task AssertFitsAtDoubleTextAsync(IPage page, string what)
    {
        // What a browser's "text size 200 %" does: the root font size doubles, and everything sized in rem with it.
        await page.EvaluateAsync("() => { const root = document.documentElement; root.style.fontSize = (parseFloat(getComputedStyle(root).fontSize) * 2) + 'px'; }");
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{what}: at 200 % text the page is {overflow}px wider than the phone");
        var languageSwitch = await page.Locator("header .portal-language button").BoundingBoxAsync();
        Assert.NotNull(languageSwitch);
        Assert.True(languageSwitch.X + languageSwitch.Width <= 360, $"{what}: the language switch is off the screen");
    }
}
