using Microsoft.EntityFrameworkCore;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Localization;

/// <summary>Mail goes out in its recipient's language, kept per person, not in the language of whoever caused it.</summary>
public sealed class MailLanguageTests : IDisposable
{
    private const string HealthVisitorsMeetings = "HealthVisitors/NetworkMeetings";
    private readonly PortalFactory _factory = PortalFactory.With(new Dictionary<string, string?>());

    [Fact]
    public async Task A_parent_who_chose_English_gets_her_receipt_in_English_and_the_other_parent_his_notice_in_Danish()
    {
        var oskar = await _factory.ChildIdAsync("Oskar Jensen");
        using var mother = await LoggedInAsync(DemoLogins.Parent);
        await SwitchLanguageAsync(mother);

        await GiveAsync(mother, oskar);

        var receipt = Assert.Single(await _factory.WaitForMailAsync(DemoLogins.Parent));
        Assert.Equal("Receipt: Your yes has been recorded", receipt.Subject);
        var notice = Assert.Single(await _factory.WaitForMailAsync(DemoLogins.OtherParent));
        Assert.Equal("Et samtykke venter på dit svar", notice.Subject);
        Assert.Contains("Den anden forælder med forældremyndighed har sagt ja", notice.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_language_chosen_before_logging_in_becomes_the_person_s_and_their_mail_follows_it()
    {
        var oskar = await _factory.ChildIdAsync("Oskar Jensen");
        using var father = _factory.CreateClient();
        await SwitchLanguageAsync(father);
        await father.LogInAsync(DemoLogins.OtherParent);
        Assert.Equal("en-GB", await LanguageOfAsync(DemoLogins.OtherParent));
        var myData = await father.GetPageAsync("/mine-data");
        Assert.Contains("Language of your mail", myData.MainText(), StringComparison.Ordinal);
        Assert.Contains("English", myData.QuerySelectorAll("main dd").Select(item => item.TextContent));

        // The mother writes in Danish; the father's notice is in the English he chose.
        using var mother = await LoggedInAsync(DemoLogins.Parent);
        await GiveAsync(mother, oskar);

        Assert.Equal("Kvittering: Dit ja er registreret", Assert.Single(await _factory.WaitForMailAsync(DemoLogins.Parent)).Subject);
        var notice = Assert.Single(await _factory.WaitForMailAsync(DemoLogins.OtherParent));
        Assert.Equal("A consent is waiting for your answer", notice.Subject);
        Assert.Contains("The other parent with custody has said yes to: The health visitors (Sundhedsplejen) may take part in network meetings about Oskar Jensen.", notice.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_new_device_the_portal_speaks_the_language_the_person_chose_elsewhere_and_a_new_choice_is_kept()
    {
        using (var phone = await LoggedInAsync(DemoLogins.Parent))
        {
            await SwitchLanguageAsync(phone);
        }

        using var laptop = await LoggedInAsync(DemoLogins.Parent);
        Assert.Equal("en", (await laptop.GetPageAsync("/")).DocumentElement.GetAttribute("lang"));

        await SwitchLanguageAsync(laptop);
        Assert.Equal("da-DK", await LanguageOfAsync(DemoLogins.Parent));
    }

    [Fact]
    public async Task A_password_reset_asked_for_on_a_Danish_page_comes_in_the_English_the_account_holder_chose()
    {
        using (var phone = _factory.CreateClient())
        {
            await SwitchLanguageAsync(phone);
            await phone.LogInAsync(DemoLogins.Parent);
        }

        using var anonymous = _factory.CreateClient();
        var forgot = await anonymous.GetPageAsync("/Identity/Account/ForgotPassword");
        using var asked = await anonymous.SubmitAsync(forgot.Form(), new Dictionary<string, string> { ["Input.Email"] = DemoLogins.Parent });

        var reset = Assert.Single(await _factory.WaitForMailAsync(DemoLogins.Parent));
        Assert.Contains("password", reset.Subject, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_meeting_planned_by_a_caseworker_working_in_English_reaches_each_person_in_their_own_language()
    {
        var emma = await _factory.ChildIdAsync("Emma Jensen");
        using (var youth = _factory.CreateClient())
        {
            await SwitchLanguageAsync(youth);
            await youth.LogInAsync(DemoLogins.Youth);
        }

        using var caseworker = _factory.CreateClient();
        await SwitchLanguageAsync(caseworker);
        await caseworker.LogInAsync(DemoLogins.Caseworker);
        using var scheduled = await caseworker.SubmitAsync((await caseworker.GetPageAsync($"/medarbejder/sager/{emma}/moeder")).Form("main form"), new Dictionary<string, string>
        {
            ["Input.Date"] = "2027-02-01",
            ["Input.StartTime"] = "10:00",
            ["Input.EndTime"] = "11:00",
            ["Input.Place"] = "Rådhuset",
            ["Input.Purpose"] = "Status.",
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, scheduled.StatusCode);

        Assert.Equal("Invitation: network meeting with Emma, Monday 1 February 2027 at 10:00–11:00", Assert.Single(await _factory.WaitForMailAsync(DemoLogins.Youth)).Subject);
        Assert.Equal("Invitation: netværksmøde med Emma, mandag 1. februar 2027 kl. 10.00–11.00", Assert.Single(await _factory.WaitForMailAsync(DemoLogins.Parent)).Subject);
    }

    private async Task<HttpClient> LoggedInAsync(string email)
    {
        var client = _factory.CreateClient();
        await client.LogInAsync(email);
        return client;
    }

    /// <summary>The header's language switch: to English from Danish, and back.</summary>
    private static async Task SwitchLanguageAsync(HttpClient client)
    {
        var page = await client.GetPageAsync("/Identity/Account/Login");
        using var switched = await client.SubmitAsync(page.Form("header form[action='/sprog']"));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, switched.StatusCode);
    }

    private static async Task GiveAsync(HttpClient client, Guid childId)
    {
        var give = await client.GetPageAsync($"/samtykke/{childId}/{HealthVisitorsMeetings}/giv");
        using var response = await client.SubmitAsync(give.Form());
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
    }

    private Task<string?> LanguageOfAsync(string email) =>
        _factory.WithDbAsync(db => db.Users.Where(user => user.Email == email).Select(user => user.Language).SingleAsync());

    public void Dispose()
    {
        _factory.Dispose();
        _factory.DeleteDataFolder();
    }
}
