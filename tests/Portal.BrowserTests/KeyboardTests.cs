using Microsoft.Playwright;
using Portal.Data;

namespace Portal.BrowserTests;

/// <summary>
/// The three journeys with the keyboard only, on a phone-sized screen: Tab, arrow keys, Space and Enter, never a click;
/// every stop on the way has a visible focus, and nothing traps it.
/// </summary>
public sealed class KeyboardTests(PortalServer server) : IClassFixture<PortalServer>
{
    [Fact]
    public async Task A_parent_logs_in_and_gives_a_consent_with_the_keyboard_only()
    {
        var page = await server.NewPhoneAsync();
        await LogInAsync(page, DemoData.Users[0].Email);

        await KeyboardOnly.TabToAsync(page, "Samtykker", inCard: "Oskar Jensen");
        await KeyboardOnly.EnterAndWaitAsync(page);
        Assert.Equal("Samtykker for Oskar Jensen", await page.Locator("h1").TextContentAsync());
        await KeyboardOnly.TabToAsync(page, "Giv samtykke", inCard: "Sundhedsplejen må deltage i netværksmøder");
        await KeyboardOnly.EnterAndWaitAsync(page);
        await KeyboardOnly.TabToAsync(page, "Ja, jeg giver samtykke");
        await KeyboardOnly.EnterAndWaitAsync(page);

        Assert.Equal("Dit ja er registreret.", await page.Locator("h1").TextContentAsync());
    }

    [Fact]
    public async Task A_young_person_suggests_a_person_and_says_no_thanks_to_another_with_the_keyboard_only()
    {
        var page = await server.NewPhoneAsync();
        await LogInAsync(page, DemoData.Users[2].Email);

        await KeyboardOnly.TabToAsync(page, "Dine netværksmøder");
        await KeyboardOnly.EnterAndWaitAsync(page);
        await KeyboardOnly.TabToAsync(page, "Se mødet");
        await KeyboardOnly.EnterAndWaitAsync(page);
        Assert.Equal("Dit netværksmøde", await page.Locator("h1").TextContentAsync());

        // The folded form opens with Enter on its summary.
        await KeyboardOnly.TabToAsync(page, "Skriv, hvem du vil have med");
        await page.Keyboard.PressAsync("Enter");
        await KeyboardOnly.TabToAsync(page, "Navn");
        await page.Keyboard.TypeAsync("Mormor Grethe");
        await KeyboardOnly.TabToAsync(page, "Hvem er det?");
        await page.Keyboard.TypeAsync("mormor");
        await KeyboardOnly.TabToAsync(page, "Hvorfor skal personen med?");
        await page.Keyboard.TypeAsync("Hun lytter altid til mig.");
        await KeyboardOnly.TabToAsync(page, "Sæt på listen");
        await KeyboardOnly.EnterAndWaitAsync(page);
        Assert.Contains("Tak. Forslaget er gemt.", await page.GetByRole(AriaRole.Status).TextContentAsync(), StringComparison.Ordinal);

        await KeyboardOnly.TabToAsync(page, "Nej tak til Moster Hanne");
        await KeyboardOnly.EnterAndWaitAsync(page);
        Assert.Contains("Du har sagt nej tak.", await page.GetByRole(AriaRole.Status).TextContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_asks_for_counselling_and_accepts_the_offer_with_the_keyboard_only()
    {
        var phone = await server.NewPhoneAsync();
        await phone.GotoAsync("/");
        await KeyboardOnly.TabToAsync(phone, "Spørg om en samtale");
        await KeyboardOnly.EnterAndWaitAsync(phone);

        // Into the first group of choices with Tab, then to "Ung" with the arrow keys, which also chooses it.
        await KeyboardOnly.TabToAsync(phone, "Barn");
        await KeyboardOnly.ArrowToAsync(phone, "Ung");
        await KeyboardOnly.TabToAsync(phone, "Send");
        await KeyboardOnly.EnterAndWaitAsync(phone);
        Assert.Contains("Du er nummer 1 i køen.", await phone.Locator("main").TextContentAsync(), StringComparison.Ordinal);

        // A counsellor makes the offer (not this journey: done the quick way).
        var counsellor = await server.NewPhoneAsync();
        await Phone.LogInAsync(counsellor, DemoData.Users[4].Email);
        await counsellor.GotoAsync("/raadgiver/tilbud");
        await counsellor.GetByLabel("Sted (ikke nødvendigt ved online)").FillAsync("Familiehuset");
        await counsellor.GetByRole(AriaRole.Button, new() { Name = "Giv tilbuddet" }).ClickAsync();
        await Assertions.Expect(counsellor.GetByRole(AriaRole.Status)).ToContainTextAsync("Tilbuddet er givet til nummer");

        await phone.ReloadAsync();
        await KeyboardOnly.TabToAsync(phone, "Ja tak");
        await KeyboardOnly.EnterAndWaitAsync(phone);
        Assert.Contains("Du har sagt ja til tiden", await phone.Locator("main").TextContentAsync(), StringComparison.Ordinal);
    }

    private static async Task LogInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Identity/Account/Login");
        await KeyboardOnly.TabToAsync(page, "E-mail");
        await page.Keyboard.TypeAsync(email);
        await KeyboardOnly.TabToAsync(page, "Adgangskode");
        await page.Keyboard.TypeAsync(DemoData.DefaultPassword);
        await KeyboardOnly.EnterAndWaitAsync(page);
        Assert.DoesNotContain("/Identity/Account/Login", page.Url, StringComparison.Ordinal);
    }
}
