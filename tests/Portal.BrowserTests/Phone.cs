using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Portal.Data;

namespace Portal.BrowserTests;

/// <summary>What every phone test does: log in through the form, check a page with axe and for sideways scrolling, keep a screenshot.</summary>
public static class Phone
{
    public static async Task LogInAsync(IPage page, string email)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/Identity/Account/Login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Adgangskode").FillAsync(DemoData.DefaultPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind", Exact = true }).ClickAsync();
        // Waiting for the "load" event after a redirect raced in CI; the new page's heading is what a user waits for.
        await page.WaitForURLAsync(url => !url.Contains("/Identity/Account/Login", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("main h1").First.WaitForAsync();
    }

    /// <summary>No serious or critical axe violation, and nothing wider than the 360 px screen.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string what)
    {
        var results = await page.RunAxe();
        var blocking = results.Violations.Where(violation => violation.Impact is "serious" or "critical").ToList();
        Assert.True(blocking.Count == 0, $"{what}: " + string.Join("; ", blocking.Select(violation => $"{violation.Id}: {violation.Help} ({string.Join(", ", violation.Nodes.Select(node => node.Html))})")));

        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{what}: the page is {overflow}px wider than the phone");
    }

    public static async Task SaveScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
