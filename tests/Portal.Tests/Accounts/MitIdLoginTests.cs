using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.MitId;
using Portal.MitId.TestProvider;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Accounts;

/// <summary>
/// Logging in with MitID against the test provider, through the real pages: the bound demo family, an invitation taken
/// with MitID, a person the portal does not know, and every kind of answer that must be refused. Each test uses its own
/// made-up person, so the tests share one portal.
/// </summary>
public sealed class MitIdLoginTests(MitIdPortal portal) : IClassFixture<MitIdPortal>
{
    private PortalFactory Factory => portal.Factory;

    [Fact]
    public async Task The_login_page_offers_MitID_test_first_and_the_password_form_below_it()
    {
        using var browser = portal.NewBrowser();
        var login = await browser.GetPageAsync("/Identity/Account/Login");

        var forms = login.QuerySelectorAll("main form").ToList();
        Assert.Equal("Log ind med MitID (test)", forms[0].QuerySelector("button")?.TextContent.Trim());
        Assert.NotNull(forms[1].QuerySelector("input[name='Input.Password']"));
        Assert.Equal("Eller log ind med e-mail og adgangskode", login.QuerySelector("main h2")?.TextContent);
    }

    [Fact]
    public async Task A_demo_parent_logs_in_with_MitID_and_lands_on_the_start_page_in_the_portal_s_own_cookie()
    {
        using var browser = portal.NewBrowser();

        using var finished = await MitIdPortal.LogInAsync(browser, TestPersons.SofieJensen);

        Assert.Equal("/", finished.Location());
        var cookie = Assert.Single(finished.Headers.GetValues("Set-Cookie"), header => header.StartsWith(Portal.Identity.IdentitySetup.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        var home = await browser.GetPageAsync("/");
        Assert.Equal(["Emma Jensen", "Oskar Jensen"], home.QuerySelectorAll("main .card-heading").Select(heading => heading.TextContent).Order());
    }

    [Fact]
    public async Task MitID_counts_as_two_factors_so_no_portal_code_is_asked()
    {
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var anders = await users.FindByEmailAsync(DemoLogins.OtherParent);
            Assert.True((await users.SetTwoFactorEnabledAsync(anders!, enabled: true)).Succeeded);
        }

        // With the password he is asked for the code from his app; with MitID he is not.
        using var withPassword = portal.NewBrowser();
        using var passwordLogin = await withPassword.TryLogInAsync(DemoLogins.OtherParent, DemoLogins.Password);
        Assert.StartsWith("/Identity/Account/LoginWith2fa", passwordLogin.Location(), StringComparison.Ordinal);

        using var withMitId = portal.NewBrowser();
        using var finished = await MitIdPortal.LogInAsync(withMitId, TestPersons.AndersJensen);
        Assert.Equal("/", finished.Location());
        Assert.Equal("Dine børn", (await withMitId.GetPageAsync("/")).QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task An_invitation_taken_with_MitID_binds_the_account_and_the_next_MitID_login_goes_straight_in()
    {
        var (childId, link) = await InviteAsync("Alma Hansen", "2015-03-04", "Mia Hansen", "mia.mitid@example.dk");
        using var parent = portal.NewBrowser();
        var welcome = await parent.GetPageAsync(link);
        Assert.Contains("Log ind med MitID", welcome.MainText(), StringComparison.Ordinal);

        using var challenge = await parent.SubmitAsync(welcome.Form("main form[action*='handler=MitId']"));
        using var finished = await MitIdPortal.ThroughMitIdAsync(parent, challenge, TestPersons.MiaHansen);

        Assert.Equal("/", finished.Location());
        var home = await parent.GetPageAsync("/");
        Assert.Contains("Næste gang logger du ind med MitID.", home.QuerySelector("[role=status]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Alma Hansen"], home.QuerySelectorAll("main .card-heading").Select(heading => heading.TextContent));

        // Bound by the broker's identifier only; the account stays without a password, and nothing else is stored.
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var mia = (await users.FindByEmailAsync("mia.mitid@example.dk"))!;
            var login = Assert.Single(await users.GetLoginsAsync(mia));
            Assert.Equal((MitIdSetup.Scheme, TestPersons.MiaHansen.Uuid.ToString()), (login.LoginProvider, login.ProviderKey));
            Assert.False(await users.HasPasswordAsync(mia));
            Assert.True(mia.EmailConfirmed);
        }

        // "Mine data" shows what is kept from MitID: the identifier alone.
        Assert.Contains(TestPersons.MiaHansen.Uuid.ToString(), Definition(await parent.GetPageAsync("/mine-data"), "MitID"), StringComparison.Ordinal);

        using var nextTime = portal.NewBrowser();
        using var again = await MitIdPortal.LogInAsync(nextTime, TestPersons.MiaHansen);
        Assert.Equal("/", again.Location());
        Assert.Equal("Alma Hansens plan", (await nextTime.GetPageAsync($"/plan/{childId}")).QuerySelector("h1")?.TextContent);

        // The link has been used.
        using var someoneElse = portal.NewBrowser();
        Assert.Equal("Linket kan ikke bruges", (await someoneElse.GetPageAsync(link)).QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task Someone_MitID_does_not_know_gets_a_kind_page_and_no_account_is_made()
    {
        var accountsBefore = await CountAsync(db => db.Users.CountAsync());
        using var stranger = portal.NewBrowser();

        using var finished = await MitIdPortal.LogInAsync(stranger, TestPersons.KarenNielsen);

        Assert.Equal("/mitid/ukendt", finished.Location());
        var page = await stranger.GetPageAsync(finished.Location());
        Assert.Equal("Vi kan ikke finde dig i Familieportalen", page.QuerySelector("h1")?.TextContent);
        Assert.Contains("Tal med din kontaktperson i kommunen.", page.MainText(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("main a[href='/raadgivning']"));
        Assert.Equal(accountsBefore, await CountAsync(db => db.Users.CountAsync()));
        Assert.Equal(0, await CountAsync(db => db.UserLogins.CountAsync(login => login.ProviderKey == TestPersons.KarenNielsen.Uuid.ToString())));
        await AssertNotLoggedInAsync(stranger);
    }

    [Fact]
    public async Task A_forged_state_is_refused_with_a_clear_page()
    {
        using var browser = portal.NewBrowser();

        using var forged = await browser.GetAsync(new Uri(MitIdSetup.CallbackPath + "?code=made-up&state=made-up", UriKind.Relative));

        await AssertRefusedAsync(browser, forged);
    }

    [Fact]
    public async Task A_replayed_answer_is_refused_in_the_same_browser_and_in_another()
    {
        using var browser = portal.NewBrowser();
        using var challenge = await MitIdPortal.ChallengeAsync(browser);
        var callback = await MitIdPortal.ToCallbackAsync(browser, challenge, TestPersons.SofieJensen);
        using (var first = await browser.GetAsync(new Uri(callback, UriKind.Relative)))
        {
            Assert.Equal("/mitid/ind", first.Location());
        }

        using var replayed = await browser.GetAsync(new Uri(callback, UriKind.Relative));
        await AssertRefusedAsync(browser, replayed);

        using var elsewhere = portal.NewBrowser();
        using var replayedElsewhere = await elsewhere.GetAsync(new Uri(callback, UriKind.Relative));
        await AssertRefusedAsync(elsewhere, replayedElsewhere);
    }

    [Theory]
    [InlineData("nonce", "IDX21323")]
    [InlineData("another client", "IDX10214")]
    [InlineData("expired", "IDX10223")]
    [InlineData("assurance level", "assurance level (acr)")]
    public async Task A_well_signed_token_that_is_wrong_is_refused_with_a_clear_page(string wrong, string reasonInTheLog)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        portal.ChangeNextIdToken = wrong switch
        {
            "nonce" => payload => payload["nonce"] = "a-nonce-from-another-login",
            "another client" => payload => payload["aud"] = "another-client",
            "expired" => ExpiredHalfAnHourAgo,
            _ => payload => payload["acr"] = "https://data.gov.dk/concept/core/nsis/loa/Low",
        };
        var linesBefore = Factory.Logs.Lines.Count;

        void ExpiredHalfAnHourAgo(System.Text.Json.Nodes.JsonObject payload)
        {
            payload["iat"] = now - 3600;
            payload["exp"] = now - 1800;
        }

        using var browser = portal.NewBrowser();
        using var challenge = await MitIdPortal.ChallengeAsync(browser);
        var callback = await MitIdPortal.ToCallbackAsync(browser, challenge, TestPersons.SofieJensen);

        using var answer = await browser.GetAsync(new Uri(callback, UriKind.Relative));

        Assert.Null(portal.ChangeNextIdToken);
        await AssertRefusedAsync(browser, answer);

        // Refused for that reason, and not for another (a bad signature, say).
        Assert.Contains(Factory.Logs.Lines.Skip(linesBefore), line => line.Contains("A MitID login was refused", StringComparison.Ordinal) && line.Contains(reasonInTheLog, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancelling_at_MitID_says_so_and_logs_nobody_in()
    {
        using var browser = portal.NewBrowser();
        using var challenge = await MitIdPortal.ChallengeAsync(browser);
        var provider = await browser.GetPageAsync(challenge.Location());
        using var cancelled = await browser.SubmitAsync(provider.Form("main form[action*='handler=Cancel']"));
        using var back = await browser.GetAsync(new Uri(cancelled.Location(), UriKind.Relative));

        Assert.Equal("/mitid/fejl?reason=Cancelled", back.Location());
        Assert.Equal("Du afbrød login med MitID", (await browser.GetPageAsync(back.Location())).QuerySelector("h1")?.TextContent);
        await AssertNotLoggedInAsync(browser);
    }

    [Fact]
    public async Task A_parent_connects_MitID_on_Min_konto_and_after_removing_it_MitID_no_longer_logs_them_in()
    {
        // Jonas took his invitation with a password.
        var (_, link) = await InviteAsync("Bo Hansen", "2017-09-12", "Jonas Hansen", "jonas.mitid@example.dk");
        using var jonas = portal.NewBrowser();
        using (var accepted = await jonas.SubmitAsync((await jonas.GetPageAsync(link)).Form("main form:not([action*='handler=MitId'])"), new Dictionary<string, string>
        {
            ["Input.Password"] = "en lang sommer ved havet",
            ["Input.ConfirmPassword"] = "en lang sommer ved havet",
        }))
        {
            Assert.Equal("/", accepted.Location());
        }

        var account = await jonas.GetPageAsync("/Identity/Account/Manage");
        Assert.Equal("Ikke forbundet", Definition(account, "MitID"));
        using var challenge = await jonas.SubmitAsync(account.Form("main form[action*='handler=ConnectMitId']"));
        using var connected = await MitIdPortal.ThroughMitIdAsync(jonas, challenge, TestPersons.JonasHansen);
        Assert.Equal("/Identity/Account/Manage", connected.Location());
        account = await jonas.GetPageAsync("/Identity/Account/Manage");
        Assert.Contains("MitID er nu forbundet med din konto.", account.QuerySelector("[role=status]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Forbundet. Du kan logge ind med MitID.", Definition(account, "MitID"));

        using (var withMitId = portal.NewBrowser())
        using (var finished = await MitIdPortal.LogInAsync(withMitId, TestPersons.JonasHansen))
        {
            Assert.Equal("/", finished.Location());
        }

        using (var removed = await jonas.SubmitAsync(account.Form("main form[action*='handler=DisconnectMitId']")))
        {
            Assert.Equal("/Identity/Account/Manage", removed.Location());
        }

        account = await jonas.GetPageAsync("/Identity/Account/Manage");
        Assert.Contains("MitID er fjernet fra din konto.", account.QuerySelector("[role=status]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Ikke forbundet", Definition(account, "MitID"));

        using var later = portal.NewBrowser();
        using var refused = await MitIdPortal.LogInAsync(later, TestPersons.JonasHansen);
        Assert.Equal("/mitid/ukendt", refused.Location());
        await AssertNotLoggedInAsync(later);

        // The password remains.
        using var withPassword = portal.NewBrowser();
        await withPassword.LogInAsync("jonas.mitid@example.dk", "en lang sommer ved havet");
    }

    [Fact]
    public async Task A_MitID_already_bound_to_one_account_cannot_be_bound_to_another()
    {
        var (_, link) = await InviteAsync("Vera Hansen", "2016-02-02", "Sofie Jensen", "sofie.igen@example.dk");
        using var browser = portal.NewBrowser();
        using var challenge = await browser.SubmitAsync((await browser.GetPageAsync(link)).Form("main form[action*='handler=MitId']"));

        using var refused = await MitIdPortal.ThroughMitIdAsync(browser, challenge, TestPersons.SofieJensen);

        Assert.Equal("/mitid/fejl?reason=InUse", refused.Location());
        Assert.Equal("Dit MitID bruges allerede", (await browser.GetPageAsync(refused.Location())).QuerySelector("h1")?.TextContent);

        // The invitation is still there to be taken with a password.
        Assert.Equal("Eller vælg en adgangskode", (await browser.GetPageAsync(link)).QuerySelector("main h2")?.TextContent);
    }

    [Fact]
    public async Task A_child_under_15_and_staff_are_not_offered_MitID()
    {
        var (_, link) = await InviteAsync("Liv Hansen", DateTime.UtcNow.AddYears(-13).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "Mads Hansen", "mads.mitid@example.dk", youthEmail: "liv.mitid@example.dk");
        var youthLink = (await Factory.WaitForMailAsync("liv.mitid@example.dk")).Single().PortalLink();
        using var youth = portal.NewBrowser();
        var invitation = await youth.GetPageAsync(youthLink);
        Assert.Empty(invitation.QuerySelectorAll("main form[action*='handler=MitId']"));
        Assert.Contains("Vælg en adgangskode", invitation.MainText(), StringComparison.Ordinal);

        // Asking anyway leads back to the same page, not to MitID.
        var form = invitation.Form();
        form.SetAttribute("action", "/invitation?handler=MitId");
        using (var asked = await youth.SubmitAsync(form))
        {
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
            Assert.Empty((await Html.ReadAsync(asked)).QuerySelectorAll("main form[action*='handler=MitId']"));
        }

        var parentInvitation = await youth.GetPageAsync(link);
        Assert.Single(parentInvitation.QuerySelectorAll("main form[action*='handler=MitId']"));

        using var caseworker = portal.NewBrowser();
        await caseworker.LogInAsync(DemoLogins.Caseworker);
        var account = await caseworker.GetPageAsync("/Identity/Account/Manage");
        Assert.Empty(account.QuerySelectorAll("main form[action*='MitId']"));
        Assert.DoesNotContain("MitID", account.MainText(), StringComparison.Ordinal);
        var anyForm = (await caseworker.GetPageAsync("/Identity/Account/Logout")).Form();
        anyForm.SetAttribute("action", "/Identity/Account/Manage?handler=ConnectMitId");
        using var forced = await caseworker.SubmitAsync(anyForm);
        Assert.Equal(HttpStatusCode.NotFound, forced.StatusCode);
    }

    [Fact]
    public async Task Logging_out_ends_the_portal_session_and_the_session_at_the_provider()
    {
        using var browser = portal.NewBrowser();
        using (var finished = await MitIdPortal.LogInAsync(browser, TestPersons.EmmaJensen))
        {
            Assert.Equal("/", finished.Location());
        }

        var logout = await browser.GetPageAsync("/Identity/Account/Logout");
        using var loggedOut = await browser.SubmitAsync(logout.Form());
        Assert.StartsWith("/test-mitid/logout?", loggedOut.Location(), StringComparison.Ordinal);
        Assert.Contains("id_token_hint=", loggedOut.Location(), StringComparison.Ordinal);
        using var atProvider = await browser.GetAsync(new Uri(loggedOut.Location(), UriKind.Relative));
        Assert.StartsWith(MitIdSetup.SignedOutCallbackPath + "?", atProvider.Location(), StringComparison.Ordinal);
        using var back = await browser.GetAsync(new Uri(atProvider.Location(), UriKind.Relative));
        Assert.Equal("/Identity/Account/Logout", back.Location());
        Assert.Contains("Du er logget ud", (await browser.GetPageAsync(back.Location())).MainText(), StringComparison.Ordinal);
        await AssertNotLoggedInAsync(browser);
    }

    private static string? Definition(AngleSharp.Html.Dom.IHtmlDocument page, string term) =>
        page.QuerySelectorAll("main dt").FirstOrDefault(dt => dt.TextContent == term)?.NextElementSibling?.TextContent;

    private async Task<(Guid ChildId, string Link)> InviteAsync(string child, string born, string parentName, string parentEmail, string? youthEmail = null)
    {
        using var caseworker = portal.NewBrowser();
        await caseworker.LogInAsync(DemoLogins.Caseworker);
        var childId = await Cases.CreateAsync(caseworker, child, born, (parentName, parentEmail), youthEmail: youthEmail);
        var mail = Assert.Single(await Factory.WaitForMailAsync(parentEmail));
        return (childId, mail.PortalLink());
    }

    private async Task<T> CountAsync<T>(Func<PortalDbContext, Task<T>> count)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await count(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    private static async Task AssertRefusedAsync(HttpClient browser, HttpResponseMessage answer)
    {
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/mitid/fejl?reason=Refused", answer.Location());
        var page = await browser.GetPageAsync(answer.Location());
        Assert.Equal("Det lykkedes ikke at logge ind med MitID", page.QuerySelector("h1")?.TextContent);
        await AssertNotLoggedInAsync(browser);
    }

    private static async Task AssertNotLoggedInAsync(HttpClient browser)
    {
        using var account = await browser.GetAsync(new Uri("/Identity/Account/Manage", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", account.Location(), StringComparison.Ordinal);
    }
}
