using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Portal.Data;

namespace Portal.BrowserTests;

/// <summary>The portal as a parent in a hurry meets it: a 360 px phone, Danish, Chromium, checked with axe.</summary>
public sealed class PhoneTests(PortalServer server) : IClassFixture<PortalServer>
{
    [Fact]
    public async Task A_parent_logs_in_on_a_phone_and_sees_their_children_in_Danish()
    {
        var page = await server.NewPhoneAsync();

        await page.GotoAsync("/");
        Assert.Equal("Velkommen til Familieportalen", await page.Locator("h1").TextContentAsync());
        await Phone.AssertAccessibleAsync(page, "start page");

        await page.GetByRole(AriaRole.Link, new() { Name = "Log ind" }).First.ClickAsync();
        Assert.Equal("Log ind", await page.Locator("h1").TextContentAsync());
        await Phone.AssertAccessibleAsync(page, "login page");

        await page.GetByLabel("E-mail").FillAsync(DemoData.Users[0].Email);
        await page.GetByLabel("Adgangskode").FillAsync(DemoData.DefaultPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();

        await page.WaitForURLAsync(server.BaseAddress.ToString(), new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("main h1").WaitForAsync();
        Assert.Equal("Dine børn", await page.Locator("h1").TextContentAsync());
        Assert.Equal(["Emma Jensen", "Oskar Jensen"], await page.Locator("main .card-heading").AllTextContentsAsync());
        Assert.Equal("da", await page.Locator("html").GetAttributeAsync("lang"));
        await Phone.AssertAccessibleAsync(page, "home page");
        await Phone.SaveScreenshotAsync(page, "parent-home-360");
    }

    [Fact]
    public async Task The_accessibility_check_finds_a_nameless_button_and_an_image_without_text_on_the_page_as_it_is_now()
    {
        var page = await server.NewPhoneAsync();
        await page.GotoAsync("/");
        Assert.Empty(await Phone.BlockingAxeViolationsAsync(page));

        // What a screen reader user would meet after a script changed the page: a button and an image with no words.
        await page.EvaluateAsync("() => document.querySelector('main').insertAdjacentHTML('beforeend', '<button></button><img src=\"/favicon.svg\">')");

        var found = await Phone.BlockingAxeViolationsAsync(page);
        Assert.Equal(["button-name", "image-alt"], found.Select(violation => violation.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_wrong_password_shows_the_error_where_a_phone_user_sees_it()
    {
        var page = await server.NewPhoneAsync();
        await page.GotoAsync("/Identity/Account/Login");

        await page.GetByLabel("E-mail").FillAsync(DemoData.Users[3].Email);
        await page.GetByLabel("Adgangskode").FillAsync("forkert-kodeord-her");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();

        var alert = page.GetByRole(AriaRole.Alert);
        Assert.Contains("E-mail eller adgangskode er forkert", await alert.TextContentAsync(), StringComparison.Ordinal);
        Assert.True(await alert.IsVisibleAsync());
        await Phone.AssertAccessibleAsync(page, "login with error");
    }

    [Fact]
    public async Task The_first_tab_stop_skips_to_the_content_and_the_language_switch_works()
    {
        var page = await server.NewPhoneAsync();
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Gå til indholdet", await page.EvaluateAsync<string>("document.activeElement.textContent"));

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        Assert.Equal("Welcome to Familieportalen", await page.Locator("h1").TextContentAsync());
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await Phone.AssertAccessibleAsync(page, "start page in English");
    }

    [Fact]
    public async Task The_statements_are_linked_from_the_footer_and_readable_on_a_phone()
    {
        var page = await server.NewPhoneAsync();
        await page.GotoAsync("/");

        await page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "Tilgængelighedserklæring" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Tilgængelighedserklæring");
        await Phone.AssertAccessibleAsync(page, "accessibility statement");
        await Phone.SaveScreenshotAsync(page, "accessibility-360");

        await page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "Sådan behandler vi dine oplysninger" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sådan behandler vi dine oplysninger");
        await Phone.AssertAccessibleAsync(page, "privacy notice");
        await Phone.SaveScreenshotAsync(page, "privacy-360");
    }

    [Fact]
    public async Task A_refused_form_puts_the_focus_on_the_summary_whose_link_leads_to_the_field()
    {
        var page = await server.NewPhoneAsync();
        await page.GotoAsync("/raadgivning");
        await page.GetByLabel("Skriv kort, hvad du gerne vil tale om (hvis du vil)").FillAsync(new string('a', 1001));
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();

        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Fejl: "));
        Assert.Equal("error-summary", await page.EvaluateAsync<string>("document.activeElement.id"));
        await Phone.AssertAccessibleAsync(page, "refused counselling form");
        await Phone.SaveScreenshotAsync(page, "form-error-360");

        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("Input_Message", await page.EvaluateAsync<string>("document.activeElement.id"));
        Assert.Equal(1001, await page.EvaluateAsync<int>("document.activeElement.value.length"));
    }

    [Fact]
    public async Task The_calendar_address_is_one_tap_to_subscribe_and_one_tap_to_copy()
    {
        var page = await server.NewPhoneAsync();
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await Phone.LogInAsync(page, DemoData.Users[0].Email);
        await page.GotoAsync("/kalender");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Lav en") }).ClickAsync();

        var subscribe = page.GetByRole(AriaRole.Link, new() { Name = "Tilføj til kalenderen på denne telefon" });
        await Assertions.Expect(subscribe).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^webcal://localhost:\\d+/kalender/feed/"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Kopiér adressen" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-copy-done]")).ToHaveTextAsync("Adressen er kopieret.");
        Assert.Equal(await page.Locator("#feed-address").InputValueAsync(), await page.EvaluateAsync<string>("navigator.clipboard.readText()"));
        await Phone.AssertAccessibleAsync(page, "calendar address");
        await Phone.SaveScreenshotAsync(page, "calendar-address-360");
    }
}
