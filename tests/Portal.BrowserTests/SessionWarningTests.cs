using Microsoft.Playwright;
using Portal.Data;

namespace Portal.BrowserTests;

/// <summary>
/// WCAG 2.2.1 on a phone: five minutes before the login runs out, the page says so and offers to keep it; one tap keeps
/// it; if the time passes anyway, the page says that what was written is not saved and can still be copied.
/// </summary>
public sealed class SessionWarningTests(PortalServer server) : IClassFixture<PortalServer>
{
    [Fact]
    public async Task The_page_warns_before_the_login_runs_out_and_one_tap_keeps_it()
    {
        var page = await server.NewPhoneAsync();
        await page.Clock.InstallAsync();
        await Phone.LogInAsync(page, DemoData.Users[0].Email);
        var warning = page.Locator("#session-warning");
        await Assertions.Expect(warning).ToBeHiddenAsync();

        // The page's clock moves 25 minutes on; the login's own clock is the server's, still fresh.
        await page.Clock.RunForAsync(25 * 60 * 1000 + 1000);
        await Assertions.Expect(warning).ToBeVisibleAsync();
        await Assertions.Expect(warning).ToContainTextAsync("Du bliver logget ud om 5 minutter");
        await Phone.AssertAccessibleAsync(page, "session warning");
        await Phone.SaveScreenshotAsync(page, "session-warning-360");

        await page.GetByRole(AriaRole.Button, new() { Name = "Bliv logget ind" }).ClickAsync();
        await Assertions.Expect(warning).ToBeHiddenAsync();

        // Left alone for the whole half hour, the page says the login has ended.
        await page.Clock.RunForAsync(30 * 60 * 1000 + 1000);
        await Assertions.Expect(warning).ToContainTextAsync("Du er logget ud.");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Bliv logget ind" })).ToBeHiddenAsync();
        await Assertions.Expect(warning.GetByRole(AriaRole.Link, new() { Name = "Log ind igen" })).ToBeVisibleAsync();
    }
}
