using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Data;

namespace Portal.BrowserTests;

/// <summary>Journey: the young person fills their network meeting on a phone; an invitee answers; the caseworker's page.</summary>
public sealed partial class MeetingTests(PortalServer server) : IClassFixture<PortalServer>
{
    [Fact]
    public async Task The_young_person_suggests_a_grandparent_and_a_coach_declines_a_parents_suggestion_and_sees_who_is_coming()
    {
        var page = await server.NewPhoneAsync();
        await Phone.LogInAsync(page, DemoData.Users[2].Email);

        await page.GetByRole(AriaRole.Link, new() { Name = "Dine netværksmøder" }).ClickAsync();
        Assert.Equal("Dine netværksmøder", await page.Locator("h1").TextContentAsync());
        await Phone.AssertAccessibleAsync(page, "meetings");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Se mødet") }).ClickAsync();
        Assert.Equal("Dit netværksmøde", await page.Locator("h1").TextContentAsync());
        await Phone.AssertAccessibleAsync(page, "meeting");

        // The people come first; the two forms are folded away until opened (the page was 4,000 px long; now 1,842).
        var length = await page.EvaluateAsync<int>("document.documentElement.scrollHeight");
        Assert.True(length < 2500, $"The young person's meeting page is {length}px long on a phone.");
        Assert.Null(await page.Locator("details#suggest").GetAttributeAsync("open"));
        Assert.Null(await page.Locator("details#support").GetAttributeAsync("open"));

        await SuggestAsync(page, "Mormor Grethe", "mormor", "grethe@example.dk", "Hun lytter altid til mig.");
        Assert.Contains("Tak. Forslaget er gemt.", await page.GetByRole(AriaRole.Status).TextContentAsync(), StringComparison.Ordinal);
        await SuggestAsync(page, "Jonas", "fodboldtræner", null, "Jonas forstår mig.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Nej tak til Moster Hanne" }).ClickAsync();
        Assert.Contains("Du har sagt nej tak.", await page.GetByRole(AriaRole.Status).TextContentAsync(), StringComparison.Ordinal);

        var chosen = page.Locator("main .card").Filter(new() { HasText = "Dit eget valg" });
        Assert.Equal(["Mormor Grethe", "Jonas"], await chosen.Locator(".card-heading").AllTextContentsAsync());
        Assert.Contains("Du har sagt nej tak", await page.Locator("main .card").Filter(new() { HasText = "Moster Hanne" }).TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("Familiehuset, Skolegade 4", await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        await Phone.AssertAccessibleAsync(page, "meeting with choices");
        await Phone.SaveScreenshotAsync(page, "youth-meeting-360");

        // The grandmother gets her invitation by mail, and answers on her own phone with no account.
        var invitation = await server.Smtp.WaitForMessageToAsync("grethe@example.dk", TimeSpan.FromSeconds(20));
        var link = AnswerLink().Match(invitation.TextBody ?? string.Empty).Value;
        var grandmother = await server.NewPhoneAsync();
        await grandmother.GotoAsync(link);
        Assert.Equal("Hej Mormor Grethe", await grandmother.Locator("h1").TextContentAsync());
        await Phone.AssertAccessibleAsync(grandmother, "answer");
        await grandmother.GetByRole(AriaRole.Button, new() { Name = "Ja, jeg kommer" }).ClickAsync();
        Assert.Contains("Tak for dit svar.", await grandmother.GetByRole(AriaRole.Status).TextContentAsync(), StringComparison.Ordinal);

        await page.ReloadAsync();
        Assert.Contains("Kommer", await page.Locator("main .card").Filter(new() { HasText = "Mormor Grethe" }).TextContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_caseworker_s_meeting_page_works_on_a_phone()
    {
        var page = await server.NewPhoneAsync();
        await Phone.LogInAsync(page, DemoData.Users[3].Email);
        await page.GetByRole(AriaRole.Link, new() { Name = "Emma Jensen" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Netværksmøder" }).ClickAsync();
        await Phone.AssertAccessibleAsync(page, "staff meetings");
        await page.Locator(".portal-meeting-list a").First.ClickAsync();
        Assert.Equal("Netværksmøde for Emma Jensen", await page.Locator("h1").TextContentAsync());
        await Phone.AssertAccessibleAsync(page, "staff meeting");
        await Phone.SaveScreenshotAsync(page, "caseworker-meeting-360");

        await page.GetByLabel("Navn").First.FillAsync("Ole Berg");
        await page.GetByLabel("Rolle").FillAsync("SSP-medarbejder");
        await page.Locator("#Professional_Email").FillAsync("ole@ssp.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Invitér" }).First.ClickAsync();
        Assert.Contains("Personen er inviteret.", await page.GetByRole(AriaRole.Status).TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("Inviteret, har ikke svaret endnu", await page.Locator("main .card").Filter(new() { HasText = "Ole Berg" }).TextContentAsync(), StringComparison.Ordinal);
    }

    private static async Task SuggestAsync(IPage page, string name, string relation, string? email, string why)
    {
        // The form is folded away once somebody is on the list; one tap opens it.
        var suggest = page.Locator("details#suggest");
        if (await suggest.GetAttributeAsync("open") is null)
        {
            await suggest.Locator("summary").ClickAsync();
        }

        var form = page.Locator("form[action*='handler=Suggest']");
        await form.GetByLabel("Navn").FillAsync(name);
        await form.GetByLabel("Hvem er det?").FillAsync(relation);
        if (email is not null)
        {
            await form.GetByLabel("E-mail").FillAsync(email);
        }

        await form.GetByLabel("Hvorfor skal personen med?").FillAsync(why);
        await form.GetByRole(AriaRole.Button, new() { Name = "Sæt på listen" }).ClickAsync();
        await page.Locator("main h1").WaitForAsync();
    }

    [GeneratedRegex(@"/moede/svar/[A-Za-z0-9_\-]+")]
    private static partial Regex AnswerLink();
}
