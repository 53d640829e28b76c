using System.Net;
using AngleSharp.Html.Dom;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Staff;

/// <summary>The administrator makes and closes staff accounts from the portal, through the real pages and the real mail.</summary>
public sealed class StaffAccountsTests : IDisposable
{
    private const string Admin = "admin@demo.familieportalen.dk";
    private const string People = "/medarbejder/admin/medarbejdere";
    private const string InvitePage = "/medarbejder/admin/medarbejdere/inviter";
    private readonly PortalFactory _factory = new();

    [Fact]
    public async Task An_invited_caseworker_chooses_a_password_from_the_mail_and_starts_at_the_cases_and_the_link_works_once()
    {
        using var admin = await LoggedInAsync(Admin);
        var list = await admin.GetPageAsync(People);
        var page = await admin.GetPageAsync(list.QuerySelectorAll("main a").Single(link => link.TextContent == "Invitér en medarbejder eller fagperson").GetAttribute("href")!);

        using var invited = await admin.SubmitAsync(page.Form(), new Dictionary<string, string>
        {
            ["Input.Name"] = "Jonas Berg",
            ["Input.Email"] = "jonas.berg@kommune.example",
            ["Input.Role"] = "Caseworker",
        });
        Assert.Equal(People, invited.Location());
        list = await admin.GetPageAsync(People);
        Assert.Contains("Jonas Berg er inviteret", list.MainText(), StringComparison.Ordinal);
        Assert.Contains("Inviteret. Har ikke valgt adgangskode endnu.", list.MainText(), StringComparison.Ordinal);

        var mail = (await _factory.WaitForMailAsync("jonas.berg@kommune.example")).Single();
        Assert.Equal("Du er inviteret til Familieportalen", mail.Subject);
        Assert.Contains("som sagsbehandler", mail.TextBody, StringComparison.Ordinal);
        using var newcomer = _factory.CreateClient();
        var welcome = await newcomer.GetPageAsync(mail.PortalLink());
        Assert.Contains("Hej Jonas Berg", welcome.MainText(), StringComparison.Ordinal);
        using var chosen = await newcomer.SubmitAsync(welcome.Form(), new Dictionary<string, string>
        {
            ["Input.Password"] = "Grøn-Kaffe-Bro-2026",
            ["Input.ConfirmPassword"] = "Grøn-Kaffe-Bro-2026",
        });
        Assert.Equal("/", chosen.Location());
        using var start = await newcomer.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal("/medarbejder/sager", start.Location());

        using var stranger = _factory.CreateClient();
        var again = await stranger.GetPageAsync(mail.PortalLink());
        Assert.Equal("Linket virker ikke længere", again.QuerySelector("h1")?.TextContent);
        Assert.Null(again.QuerySelector("main form"));
    }

    [Fact]
    public async Task A_professional_needs_a_service_an_address_is_never_taken_twice_and_nothing_is_made_on_a_refusal()
    {
        using var admin = await LoggedInAsync(Admin);
        var form = (await admin.GetPageAsync(InvitePage)).Form();

        using var empty = await admin.SubmitAsync(form, new Dictionary<string, string> { ["Input.Name"] = string.Empty, ["Input.Email"] = string.Empty, ["Input.Role"] = string.Empty });
        var refused = await Html.ReadAsync(empty);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Vælg, hvad personen skal være i portalen.", refused.MainText(), StringComparison.Ordinal);

        using var noService = await admin.SubmitAsync(form, Invite("Mads Krog", "mads@skole.example", "Professional", service: string.Empty));
        Assert.Contains("Vælg, hvilken tjeneste fagpersonen kommer fra.", (await Html.ReadAsync(noService)).MainText(), StringComparison.Ordinal);

        using var taken = await admin.SubmitAsync(form, Invite("Sofie igen", DemoLogins.Parent, "Caseworker"));
        Assert.Contains("Der findes allerede en konto med den mail.", (await Html.ReadAsync(taken)).MainText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Mads Krog", (await admin.GetPageAsync(People)).MainText(), StringComparison.Ordinal);

        // With a service, the teacher is made and the caseworker can add her to a case.
        using var made = await admin.SubmitAsync(form, Invite("Mads Krog", "mads@skole.example", "Professional", "Daycare"));
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        using var caseworker = await LoggedInAsync(DemoLogins.Caseworker);
        var professionals = await caseworker.GetPageAsync($"/medarbejder/sager/{await _factory.ChildIdAsync("Oskar Jensen")}/fagpersoner");
        Assert.Contains(professionals.QuerySelectorAll("select option"), option => option.TextContent == "Mads Krog, dagtilbuddet");
    }

    [Fact]
    public async Task Closing_a_professional_s_account_logs_her_out_at_once_and_no_login_opens_it_until_it_is_reopened()
    {
        using var teacher = await LoggedInAsync(DemoLogins.Teacher);
        using var admin = await LoggedInAsync(Admin);
        var list = await admin.GetPageAsync(People);

        using var closed = await admin.SubmitAsync(FormFor(list, "Deactivate", "Pia Holm"));
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);

        using var next = await teacher.GetAsync(new Uri("/fagperson", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", next.Location(), StringComparison.Ordinal);
        using var fresh = _factory.CreateClient();
        using var login = await fresh.TryLogInAsync(DemoLogins.Teacher, DemoLogins.Password);
        Assert.StartsWith("/Identity/Account/Lockout", login.Location(), StringComparison.Ordinal);

        // The caseworker can no longer add her anywhere.
        using var caseworker = await LoggedInAsync(DemoLogins.Caseworker);
        var professionals = await caseworker.GetPageAsync($"/medarbejder/sager/{await _factory.ChildIdAsync("Oskar Jensen")}/fagpersoner");
        Assert.DoesNotContain(professionals.QuerySelectorAll("select option"), option => option.TextContent.StartsWith("Pia Holm", StringComparison.Ordinal));

        var after = await admin.GetPageAsync(People);
        using var reopened = await admin.SubmitAsync(after.Form("form[action*='handler=Reactivate']"));
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        await fresh.LogInAsync(DemoLogins.Teacher);
    }

    [Fact]
    public async Task A_closed_caseworker_s_cases_say_so_and_nobody_can_be_given_them_again()
    {
        using var admin = await LoggedInAsync(Admin);
        using var closed = await admin.SubmitAsync(FormFor(await admin.GetPageAsync(People), "Deactivate", "Lars Holm"));
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);

        var cases = await admin.GetPageAsync("/medarbejder/admin/sager");

        Assert.Contains("Lars Holm (kontoen er lukket: giv sagen til en anden)", cases.MainText(), StringComparison.Ordinal);
        Assert.DoesNotContain(cases.QuerySelectorAll("select option"), option => option.TextContent == "Lars Holm");
    }

    [Fact]
    public async Task An_administrator_cannot_close_their_own_account_and_nobody_else_reaches_the_page()
    {
        using var admin = await LoggedInAsync(Admin);
        var list = await admin.GetPageAsync(People);

        using var own = await admin.SubmitAsync(FormFor(list, "Deactivate", "Admin Andersen"));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("Du kan ikke lukke din egen konto.", (await Html.ReadAsync(own)).MainText(), StringComparison.Ordinal);

        // Not the family's accounts either: the page acts on staff only.
        var parentId = await _factory.WithDbAsync(db => Task.FromResult(db.Users.Single(user => user.Email == DemoLogins.Parent).Id));
        var forged = FormFor(list, "Deactivate", "Pia Holm");
        forged.SetAttribute("action", $"{People}?handler=Deactivate&userId={parentId}");
        using var parent = await admin.SubmitAsync(forged);
        Assert.Equal(HttpStatusCode.NotFound, parent.StatusCode);

        using var caseworker = await LoggedInAsync(DemoLogins.Caseworker);
        using var denied = await caseworker.GetAsync(new Uri(People, UriKind.Relative));
        Assert.StartsWith("/Identity/Account/AccessDenied", denied.Location(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sending_the_link_again_stops_the_old_one()
    {
        using var admin = await LoggedInAsync(Admin);
        var form = (await admin.GetPageAsync(InvitePage)).Form();
        using var made = await admin.SubmitAsync(form, Invite("Lone Bak", "lone@kommune.example", "Counsellor"));
        var first = (await _factory.WaitForMailAsync("lone@kommune.example")).Single().PortalLink();

        var list = await admin.GetPageAsync(People);
        using var again = await admin.SubmitAsync(list.Form("form[action*='handler=SendAgain']"));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var second = (await _factory.WaitForMailAsync("lone@kommune.example", 2)).Select(mail => mail.PortalLink()).Single(link => link != first);

        using var newcomer = _factory.CreateClient();
        Assert.Equal("Linket virker ikke længere", (await newcomer.GetPageAsync(first)).QuerySelector("h1")?.TextContent);
        Assert.Equal("Velkommen til Familieportalen", (await newcomer.GetPageAsync(second)).QuerySelector("h1")?.TextContent);
    }

    public void Dispose() => _factory.Dispose();

    private static IHtmlFormElement FormFor(IHtmlDocument page, string handler, string name) =>
        page.QuerySelectorAll($"main form[action*='handler={handler}']").OfType<IHtmlFormElement>().Single(form => form.TextContent.Contains(name, StringComparison.Ordinal));

    private static Dictionary<string, string> Invite(string name, string email, string role, string service = "") => new()
    {
        ["Input.Name"] = name,
        ["Input.Email"] = email,
        ["Input.Role"] = role,
        ["Input.Service"] = service,
    };

    private async Task<HttpClient> LoggedInAsync(string email)
    {
        var client = _factory.CreateClient();
        await client.LogInAsync(email);
        return client;
    }
}
