using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using System.Runtime.CompilerServices;
using Microsoft.Playwright;
using Portal.Data;

namespace Portal.BrowserTests;

/// <summary>
/// What every phone test does: log in through the form, check a page (axe, the Nu HTML checker, sideways scrolling),
/// keep a screenshot.
/// </summary>
public static class Phone
{
    /// <summary>The last HTML document each page was served, as the server sent it (before any script ran).</summary>
    private static readonly ConditionalWeakTable<IPage, IResponse> Documents = [];

    /// <summary>Keeps each document this page navigates to, for <see cref="AssertAccessibleAsync"/>'s HTML check.</summary>
    public static void KeepDocuments(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.Response += (_, response) =>
        {
            if (response.Request.IsNavigationRequest && response.Frame == page.MainFrame && response.Status == 200)
            {
                Documents.AddOrUpdate(page, response);
            }
        };
    }

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

    /// <summary>
    /// No serious or critical axe violation, no error from the Nu HTML checker in the HTML the server sent, and nothing
    /// wider than the 360 px screen.
    /// </summary>
    public static async Task AssertAccessibleAsync(IPage page, string what)
    {
        ArgumentNullException.ThrowIfNull(page);
        var html = Documents.TryGetValue(page, out var document) ? await document.TextAsync() : await page.ContentAsync();
        var invalid = await (await NuHtmlChecker.Shared).ErrorsAsync(html);
        Assert.True(invalid.Count == 0, $"{what} ({page.Url}): the Nu HTML checker found {invalid.Count} errors: " + string.Join("; ", invalid));

        var blocking = await BlockingAxeViolationsAsync(page);
        Assert.True(blocking.Count == 0, $"{what}: " + string.Join("; ", blocking.Select(violation => $"{violation.Id}: {violation.Help} ({string.Join(", ", violation.Nodes.Select(node => node.Html))})")));

        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{what}: the page is {overflow}px wider than the phone");
    }

    /// <summary>axe's serious and critical violations on the page as it is now.</summary>
    public static async Task<List<AxeResultItem>> BlockingAxeViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);

        // axe runs in the page itself. The default RunAxe finishes every run in a new browser page of its own, made for
        // pages with cross-origin frames (the portal has none): the same results, measured at 2–3.7 s a check against
        // 0.3–1 s here, a minute and a half of the browser tests. Deque marks this mode obsolete; if a new version
        // drops it, RunAxe is the way back.
#pragma warning disable CS0618
        var results = await page.RunAxeLegacy();
#pragma warning restore CS0618
        return results.Violations.Where(violation => violation.Impact is "serious" or "critical").ToList();
    }

    public static async Task SaveScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
