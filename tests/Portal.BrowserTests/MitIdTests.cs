using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Data;
using Portal.MitId;

namespace Portal.BrowserTests;

/// <summary>The portal in Development, where "Log ind med MitID (test)" is on, served over HTTPS with its throw-away certificate.</summary>
public sealed class MitIdServer : PortalServer
{
    protected override string Environment => "Development";

    // The portal fetches the provider's keys and redeems the code over HTTPS at its own public address.
    protected override void ConfigureServices(IServiceCollection services) =>
        services.Configure<OpenIdConnectOptions>(MitIdSetup.Scheme, options => options.BackchannelHttpHandler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == Certificate.Thumbprint,
        });
}

/// <summary>On a phone: a parent takes the caseworker's invitation with MitID (test) and gives a consent, with axe on every page.</summary>
public sealed partial class MitIdTests(MitIdServer server) : IClassFixture<MitIdServer>
{
    [Fact]
    public async Task A_parent_takes_an_invitation_with_MitID_and_gives_a_consent()
    {
        var link = await InviteAsync("Alma Hansen", "2015-03-04", "Mia Hansen", "mia@example.dk");

        var page = await server.NewPhoneAsync();
        await page.GotoAsync(link);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Velkommen til Familieportalen");
        await Phone.AssertAccessibleAsync(page, "invitation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind med MitID (test)" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("MitID (test)");
        await Phone.AssertAccessibleAsync(page, "test provider");
        await Phone.SaveScreenshotAsync(page, "mitid-test-provider-360");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind som Mia Hansen" }).ClickAsync();

        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("Næste gang logger du ind med MitID.");
        await Assertions.Expect(page.Locator("main .card-heading")).ToHaveTextAsync("Alma Hansen");
        await Phone.AssertAccessibleAsync(page, "start page after MitID");

        await page.Locator("main .card").Filter(new() { HasText = "Alma Hansen" }).GetByRole(AriaRole.Link, new() { Name = "Samtykker" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Samtykker for Alma Hansen");
        var row = page.Locator("main .card").Filter(new() { HasText = "Sundhedsplejen må deltage i netværksmøder om Alma Hansen" });
        await row.GetByRole(AriaRole.Link, new() { Name = "Giv samtykke" }).ClickAsync();
        await Phone.AssertAccessibleAsync(page, "give consent");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ja, jeg giver samtykke" }).ClickAsync();

        // Mia is the only custody holder: her yes is the consent.
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Tak. Dit samtykke er givet.");
        await Phone.AssertAccessibleAsync(page, "receipt");
        await Phone.SaveScreenshotAsync(page, "mitid-consent-receipt-360");
    }

    [Fact]
    public async Task Someone_MitID_does_not_know_sees_the_kind_page()
    {
        var page = await server.NewPhoneAsync();
        await page.GotoAsync("/Identity/Account/Login");
        await Phone.AssertAccessibleAsync(page, "login with MitID");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind med MitID (test)" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind som Karen Nielsen" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Vi kan ikke finde dig i Familieportalen");
        await Phone.AssertAccessibleAsync(page, "unknown person");
        await Phone.SaveScreenshotAsync(page, "mitid-unknown-360");
    }

    private async Task<string> InviteAsync(string child, string born, string parent, string email)
    {
        var context = await server.Browser.NewContextAsync(new() { BaseURL = server.BaseAddress.ToString(), IgnoreHTTPSErrors = true, Locale = "da-DK" });
        var caseworker = await context.NewPageAsync();
        Phone.KeepDocuments(caseworker);
        await Phone.LogInAsync(caseworker, DemoData.Users[3].Email);
        await caseworker.GotoAsync("/medarbejder/sager/ny");
        await caseworker.Locator("#Input_ChildName").FillAsync(child);
        await caseworker.Locator("#Input_DateOfBirth").FillAsync(born);
        await caseworker.Locator("#Input_FirstHolderName").FillAsync(parent);
        await caseworker.Locator("#Input_FirstHolderEmail").FillAsync(email);
        await caseworker.Locator("main form button[type=submit]").Last.ClickAsync();
        await Assertions.Expect(caseworker.Locator("[role=status]")).ToContainTextAsync("invitationerne er sendt");
        await context.CloseAsync();

        var mail = await server.Smtp.WaitForMessageToAsync(email, TimeSpan.FromSeconds(20));
        return InvitationLink().Match(mail.TextBody ?? string.Empty).Value;
    }

    [GeneratedRegex(@"https://localhost:\d+/invitation\?\S+")]
    private static partial Regex InvitationLink();
}
