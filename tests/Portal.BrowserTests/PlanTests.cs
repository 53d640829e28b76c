using Microsoft.Playwright;
using Portal.Data;

namespace Portal.BrowserTests;

/// <summary>The plan on a phone: a parent reads it and adds a wish; a caseworker's case page.</summary>
public sealed class PlanTests(PortalServer server) : IClassFixture<PortalServer>
{
    [Fact]
    public async Task A_parent_opens_the_child_s_plan_on_a_phone_and_adds_a_wish()
    {
        var page = await server.NewPhoneAsync();
        await Phone.LogInAsync(page, DemoData.Users[0].Email);

        await page.GetByRole(AriaRole.Link, new() { Name = "Se Emma Jensens plan" }).ClickAsync();
        Assert.Equal("Emma Jensens plan", await page.Locator("h1").TextContentAsync());
        await Phone.AssertAccessibleAsync(page, "plan");
        await Phone.SaveScreenshotAsync(page, "parent-plan-360");

        await page.GetByRole(AriaRole.Link, new() { Name = "Skriv dine egne ord" }).ClickAsync();
        await Phone.AssertAccessibleAsync(page, "own words");
        await page.GetByLabel("Mine ønsker før næste møde").CheckAsync();
        await page.GetByLabel("Din tekst").FillAsync("Jeg vil gerne have, at mormor er med.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem" }).ClickAsync();

        Assert.Equal("Emma Jensens plan", await page.Locator("h1").TextContentAsync());
        Assert.Contains("Tak. Dine ord er gemt på planen.", await page.GetByRole(AriaRole.Status).TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("Jeg vil gerne have, at mormor er med.", await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Se hvad der er ændret og af hvem" }).ClickAsync();
        Assert.Contains("Sofie Jensen (forælder) skrev:", await page.Locator("main ol li").First.TextContentAsync(), StringComparison.Ordinal);
        await Phone.AssertAccessibleAsync(page, "history");
    }

    [Fact]
    public async Task A_caseworker_s_case_page_and_plan_forms_work_on_a_phone()
    {
        var page = await server.NewPhoneAsync();
        await Phone.LogInAsync(page, DemoData.Users[3].Email);

        Assert.Equal("Dine sager", await page.Locator("h1").TextContentAsync());
        await Phone.AssertAccessibleAsync(page, "cases");
        await page.GetByRole(AriaRole.Link, new() { Name = "Oskar Jensen" }).ClickAsync();
        await Phone.AssertAccessibleAsync(page, "case");
        await Phone.SaveScreenshotAsync(page, "caseworker-case-360");

        await page.GetByRole(AriaRole.Link, new() { Name = "Mål", Exact = true }).ClickAsync();
        await page.GetByLabel("Målet med hverdagsord").FillAsync("Oskar har en god ven i klassen.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tilføj mål" }).ClickAsync();
        Assert.Contains("Planen er gemt.", await page.GetByRole(AriaRole.Status).TextContentAsync(), StringComparison.Ordinal);
        await Phone.AssertAccessibleAsync(page, "goals");

        await page.GotoAsync("/medarbejder/sager/ny");
        await Phone.AssertAccessibleAsync(page, "create case");
    }
}
