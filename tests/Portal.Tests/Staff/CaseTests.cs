using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Staff;

/// <summary>A caseworker opens a case and invites the family; the invitation links work once, expire, and can be sent again or withdrawn.</summary>
public sealed class CaseTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly PortalFactory _factory;

    public CaseTests() => _factory = new PortalFactory { Clock = _clock };

    [Fact]
    public async Task A_caseworker_opens_a_case_and_the_invited_parent_sets_a_password_and_sees_the_child()
    {
        using var caseworker = await CaseworkerAsync();
        var childId = await Cases.CreateAsync(caseworker, "Liva Hansen", "2014-05-02", ("Mia Hansen", "mia@example.dk"), ("Jonas Hansen", "jonas@example.dk"), youthEmail: "liva@example.dk");

        var casePage = await caseworker.GetPageAsync($"/medarbejder/sager/{childId}");
        Assert.Contains("Sagen er oprettet, og invitationerne er sendt.", casePage.MainText(), StringComparison.Ordinal);
        Assert.Equal(3, casePage.QuerySelectorAll("main form[action*='handler=SendAgain']").Length);

        var mail = Assert.Single(await _factory.WaitForMailAsync("mia@example.dk"));
        Assert.Equal("Du er inviteret til Familieportalen", mail.Subject);
        Assert.DoesNotContain("Liva", mail.TextBody, StringComparison.Ordinal);
        using var parent = _factory.CreateClient();
        var welcome = await parent.GetPageAsync(mail.PortalLink());
        Assert.Contains("Hej Mia Hansen", welcome.MainText(), StringComparison.Ordinal);
        using var accepted = await parent.SubmitAsync(welcome.Form(), new Dictionary<string, string>
        {
            ["Input.Password"] = "vores hus har en rød dør",
            ["Input.ConfirmPassword"] = "vores hus har en rød dør",
        });
        Assert.Equal("/", accepted.Location());

        var home = await parent.GetPageAsync("/");
        Assert.Equal(["Liva Hansen"], home.QuerySelectorAll("main .card-heading").Select(heading => heading.TextContent));
        var plan = await parent.GetPageAsync($"/plan/{childId}");
        Assert.Equal("Liva Hansens plan", plan.QuerySelector("h1")?.TextContent);

        // The same link again is refused with a clear page, and the password stays.
        using var again = _factory.CreateClient();
        var reused = await again.GetPageAsync(mail.PortalLink());
        Assert.Equal("Linket kan ikke bruges", reused.QuerySelector("h1")?.TextContent);
        Assert.Contains("Linket er allerede brugt", reused.MainText(), StringComparison.Ordinal);
        await again.LogInAsync("mia@example.dk", "vores hus har en rød dør");
    }

    [Fact]
    public async Task An_expired_link_is_refused_and_a_new_one_works_while_the_old_one_does_not()
    {
        using var caseworker = await CaseworkerAsync();
        var childId = await Cases.CreateAsync(caseworker, "Noah Berg", "2016-01-10", ("Sara Berg", "sara@example.dk"));
        var first = Assert.Single(await _factory.WaitForMailAsync("sara@example.dk"));

        _clock.Advance(TimeSpan.FromDays(8));
        using var parent = _factory.CreateClient();
        var expired = await parent.GetPageAsync(first.PortalLink());
        Assert.Contains("Linket er udløbet.", expired.MainText(), StringComparison.Ordinal);

        // A week later the caseworker logs in again (the old login has long expired) and sends a new link.
        using var later = await CaseworkerAsync();
        var casePage = await later.GetPageAsync($"/medarbejder/sager/{childId}");
        Assert.Contains("Linket udløb", casePage.MainText(), StringComparison.Ordinal);
        using var resent = await later.SubmitAsync(casePage.Form("main form[action*='handler=SendAgain']"));
        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);

        var mails = await _factory.WaitForMailAsync("sara@example.dk", count: 2);
        var oldAgain = await parent.GetPageAsync(first.PortalLink());
        Assert.Equal("Linket kan ikke bruges", oldAgain.QuerySelector("h1")?.TextContent);
        var fresh = await parent.GetPageAsync(mails[1].PortalLink());
        using var accepted = await parent.SubmitAsync(fresh.Form(), new Dictionary<string, string>
        {
            ["Input.Password"] = "en ny dag med sol og vind",
            ["Input.ConfirmPassword"] = "en ny dag med sol og vind",
        });
        Assert.Equal("/", accepted.Location());
    }

    [Fact]
    public async Task A_withdrawn_invitation_stops_the_link_and_removes_the_unused_account_from_the_child()
    {
        using var caseworker = await CaseworkerAsync();
        var childId = await Cases.CreateAsync(caseworker, "Ella Lund", "2019-09-09", ("Forkert Person", "forkert@example.dk"));
        var mail = Assert.Single(await _factory.WaitForMailAsync("forkert@example.dk"));

        var casePage = await caseworker.GetPageAsync($"/medarbejder/sager/{childId}");
        using var revoked = await caseworker.SubmitAsync(casePage.Form("main form[action*='handler=Revoke']"));
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);

        using var visitor = _factory.CreateClient();
        var page = await visitor.GetPageAsync(mail.PortalLink());
        Assert.Equal("Linket kan ikke bruges", page.QuerySelector("h1")?.TextContent);
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Children.Where(child => child.Id == childId).SelectMany(child => child.CustodyHolders).CountAsync()));
    }

    [Fact]
    public async Task A_child_too_young_for_their_own_login_gets_a_clear_message_and_nothing_is_created()
    {
        using var caseworker = await CaseworkerAsync();
        var before = await _factory.WithDbAsync(db => db.Children.CountAsync());

        var form = (await caseworker.GetPageAsync("/medarbejder/sager/ny")).Form();
        using var response = await caseworker.SubmitAsync(form, Cases.Form("Lille Bo", DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime).AddYears(-8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ("Far Bo", "far.bo@example.dk"), null, "bo@example.dk"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Barnet er for ungt til sit eget login.", (await Html.ReadAsync(response)).QuerySelector("#error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await _factory.WithDbAsync(db => db.Children.CountAsync()));
        Assert.False(await _factory.WithDbAsync(db => db.Users.AnyAsync(user => user.Email == "far.bo@example.dk")));
    }

    [Fact]
    public async Task Bad_dates_and_half_filled_second_parent_get_localized_messages()
    {
        using var caseworker = await CaseworkerAsync();
        var form = (await caseworker.GetPageAsync("/medarbejder/sager/ny")).Form();

        using var response = await caseworker.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.ChildName"] = "Test Barn",
            ["Input.DateOfBirth"] = "ikke-en-dato",
            ["Input.FirstHolderName"] = "Mor",
            ["Input.FirstHolderEmail"] = "ikke en e-mail",
            ["Input.SecondHolderName"] = "Far",
        });

        var errors = (await Html.ReadAsync(response)).QuerySelector("#error-summary")!.TextContent;
        Assert.Contains("Fødselsdato er ikke udfyldt rigtigt.", errors, StringComparison.Ordinal);
        Assert.Contains("Skriv en e-mailadresse, som mail kan sendes til", errors, StringComparison.Ordinal);
        Assert.Contains("Skriv både navn og e-mail på den anden forælder", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_young_person_s_address_already_used_for_another_child_is_a_field_error_with_what_was_typed_kept()
    {
        using var caseworker = await CaseworkerAsync();
        var before = await _factory.WithDbAsync(db => db.Children.CountAsync());
        var born = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime).AddYears(-14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var form = (await caseworker.GetPageAsync("/medarbejder/sager/ny")).Form();
        using var response = await caseworker.SubmitAsync(form, Cases.Form("Ida Berg", born, ("Maja Berg", "maja@example.dk"), ("Ole \u202EBerg\u0007", "ole@example.dk"), DemoLogins.Youth));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Contains("bruges allerede", page.QuerySelector("#error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Ida Berg", page.QuerySelector("input[name='Input.ChildName']")?.GetAttribute("value"));
        Assert.Equal(DemoLogins.Youth, page.QuerySelector("input[name='Input.YouthEmail']")?.GetAttribute("value"));
        Assert.Equal(before, await _factory.WithDbAsync(db => db.Children.CountAsync()));
        Assert.False(await _factory.WithDbAsync(db => db.Users.AnyAsync(user => user.Email == "maja@example.dk")));
    }

    [Fact]
    public async Task A_second_custody_holder_s_name_is_stored_without_control_characters_or_direction_tricks()
    {
        using var caseworker = await CaseworkerAsync();
        var childId = await Cases.CreateAsync(caseworker, "Ida Berg", "2019-05-01", ("Maja Berg", "maja@example.dk"), ("Ole \u202EgreB\u202C\u0007 Jo\u0301n", "ole@example.dk"));

        var name = await _factory.WithDbAsync(db => db.Users.Where(user => user.Email == "ole@example.dk").Select(user => user.DisplayName).SingleAsync());

        Assert.Equal("Ole greB Jón", name);
        Assert.Contains("Ole greB Jón", (await caseworker.GetPageAsync($"/medarbejder/sager/{childId}")).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recorded_consent_with_the_choice_missing_or_sent_twice_is_a_clear_message()
    {
        using var caseworker = await CaseworkerAsync();
        var oskar = await _factory.ChildIdAsync("Oskar Jensen");
        var page = await caseworker.GetPageAsync($"/medarbejder/sager/{oskar}/samtykke");
        var token = page.QuerySelector("main form input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        foreach (var fields in new[]
        {
            new[] { ("__RequestVerificationToken", token) },
            new[] { ("__RequestVerificationToken", token), ("Input.Consent", string.Empty), ("Input.Action", "Given") },
            new[] { ("__RequestVerificationToken", token), ("Input.Consent", "HealthVisitors|NetworkMeetings"), ("Input.Consent", "x|y"), ("Input.Action", "Given"), ("Input.Action", "Revoked") },
        })
        {
            using var content = new FormUrlEncodedContent(fields.Select(field => new KeyValuePair<string, string>(field.Item1, field.Item2)));
            using var response = await caseworker.PostAsync(new Uri($"/medarbejder/sager/{oskar}/samtykke", UriKind.Relative), content);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotNull((await Html.ReadAsync(response)).QuerySelector("#error-summary"));
        }
    }

    private async Task<HttpClient> CaseworkerAsync()
    {
        var client = _factory.CreateClient();
        await client.LogInAsync(DemoLogins.Caseworker);
        return client;
    }

    public void Dispose()
    {
        _factory.Dispose();
        _factory.DeleteDataFolder();
    }
}
