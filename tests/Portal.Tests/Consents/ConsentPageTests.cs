using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Consents;
using Portal.Domain.Consents;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Consents;

/// <summary>Parents give and withdraw consent for Oskar (8, joint custody) from the consent page, as on a phone.</summary>
public sealed class ConsentPageTests : IDisposable
{
    private const string HealthVisitorsMeetings = "HealthVisitors/NetworkMeetings";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly PortalFactory _factory;

    // The reminder service's own rounds are off, so the test drives them.
    public ConsentPageTests() => _factory = PortalFactory.With(new Dictionary<string, string?> { ["Portal:ConsentReminderInterval"] = "00:00:00" }, clock: _clock);

    [Fact]
    public async Task A_parent_reads_the_full_wording_says_yes_and_the_receipt_says_it_waits_for_the_other_parent()
    {
        var oskar = await _factory.ChildIdAsync("Oskar Jensen");
        using var mother = await LoggedInAsync(DemoLogins.Parent);

        var index = await mother.GetPageAsync($"/samtykke/{oskar}");
        Assert.Equal(4, index.QuerySelectorAll("main .card").Length);
        Assert.Contains("Sundhedsplejen må deltage i netværksmøder om Oskar Jensen", index.MainText(), StringComparison.Ordinal);

        var give = await mother.GetPageAsync($"/samtykke/{oskar}/{HealthVisitorsMeetings}/giv");
        var wording = give.QuerySelector("main .portal-wording")!.TextContent;
        Assert.Contains("Sundhedsplejen er kommunens sundhedsplejersker", wording, StringComparison.Ordinal);
        Assert.Contains("Hvis du siger nej", wording, StringComparison.Ordinal);
        Assert.Contains("Samtykket gælder i 12 måneder", wording, StringComparison.Ordinal);
        Assert.Contains("Det, der allerede er delt, bliver ikke trukket tilbage.", wording, StringComparison.Ordinal);

        using var given = await mother.SubmitAsync(give.Form());
        Assert.StartsWith("/samtykke/kvittering/", given.Location(), StringComparison.Ordinal);
        var receipt = await mother.GetPageAsync(given.Location());
        // Not in force until the other custody holder says yes too: the receipt says exactly that, and promises nothing more.
        Assert.Equal("Dit ja er registreret.", receipt.QuerySelector("h1")?.TextContent);
        Assert.Contains("Samtykket gælder, når Anders Jensen også har sagt ja.", receipt.QuerySelector("main .font-lead")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("23. november 2026 kl. 10.00", receipt.MainText(), StringComparison.Ordinal);
        Assert.Equal("tirsdag 23. november 2027 kl. 10.00", Definition(receipt, "Dit ja gælder til"));
        Assert.DoesNotContain(receipt.QuerySelectorAll("main dt"), term => term.TextContent == "Gælder til");
        Assert.DoesNotContain("Tak. Dit samtykke er givet", receipt.MainText(), StringComparison.Ordinal);
        Assert.Contains("version 2026.1", receipt.MainText(), StringComparison.Ordinal);

        var mail = Assert.Single(await _factory.WaitForMailAsync(DemoLogins.Parent));
        Assert.Equal("Kvittering: Dit ja er registreret", mail.Subject);
        Assert.Contains("Samtykket gælder, når Anders Jensen også har sagt ja.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Givet i Familieportalen.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Dit ja gælder til: tirsdag 23. november 2027 kl. 10.00", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Samtykket gælder til", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("version 2026.1", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Det, der allerede er delt, bliver ikke trukket tilbage.", mail.TextBody, StringComparison.Ordinal);

        var after = await mother.GetPageAsync($"/samtykke/{oskar}");
        var row = Row(after, "Sundhedsplejen må deltage i netværksmøder");
        Assert.Contains("Gælder ikke endnu · givet af dig 23. november 2026 · venter på den anden forælder · udløber 23. november 2027", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_second_yes_puts_the_consent_in_force_until_the_first_yes_runs_out_and_its_receipt_says_so()
    {
        var oskar = await _factory.ChildIdAsync("Oskar Jensen");
        using var mother = await LoggedInAsync(DemoLogins.Parent);
        await GiveAsync(mother, oskar, HealthVisitorsMeetings);
        _clock.Advance(TimeSpan.FromDays(2));
        using var father = await LoggedInAsync(DemoLogins.OtherParent);

        var give = await father.GetPageAsync($"/samtykke/{oskar}/{HealthVisitorsMeetings}/giv");
        using var given = await father.SubmitAsync(give.Form());
        var receipt = await father.GetPageAsync(given.Location());

        Assert.Equal("Tak. Dit samtykke er givet.", receipt.QuerySelector("h1")?.TextContent);
        Assert.Equal("tirsdag 23. november 2027 kl. 10.00", Definition(receipt, "Gælder til"));
        var mail = (await _factory.WaitForMailAsync(DemoLogins.OtherParent, count: 2)).Single(message => message.Subject?.StartsWith("Kvittering", StringComparison.Ordinal) == true);
        Assert.Equal("Kvittering: Du har givet samtykke", mail.Subject);
        Assert.Contains("Samtykket gælder til: tirsdag 23. november 2027 kl. 10.00", mail.TextBody, StringComparison.Ordinal);

        // The mother, whose yes came first, is told that it now applies, without the father's details.
        var inForce = (await _factory.WaitForMailAsync(DemoLogins.Parent, count: 2)).Single(message => message.Subject == "Samtykket gælder nu");
        Assert.Contains("Den anden forælder med forældremyndighed har også sagt ja til: Sundhedsplejen må deltage i netværksmøder om Oskar Jensen. Samtykket gælder nu, til tirsdag 23. november 2027 kl. 10.00.", inForce.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Anders", inForce.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_other_custody_holder_is_told_by_email_without_the_first_parent_s_details()
    {
        var oskar = await _factory.ChildIdAsync("Oskar Jensen");
        using var mother = await LoggedInAsync(DemoLogins.Parent);
        await GiveAsync(mother, oskar, HealthVisitorsMeetings);

        var notice = Assert.Single(await _factory.WaitForMailAsync(DemoLogins.OtherParent));
        Assert.Equal("Et samtykke venter på dit svar", notice.Subject);
        Assert.Contains("Den anden forælder med forældremyndighed har sagt ja", notice.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Sofie", notice.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoLogins.Parent, notice.TextBody, StringComparison.Ordinal);

        using var father = await LoggedInAsync(DemoLogins.OtherParent);
        var home = await father.GetPageAsync("/");
        Assert.Contains("1 samtykke venter på dit svar", home.MainText(), StringComparison.Ordinal);
        var index = await father.GetPageAsync($"/samtykke/{oskar}");
        Assert.Contains("venter på dit svar", Row(index, "Sundhedsplejen må deltage i netværksmøder"), StringComparison.Ordinal);
        Assert.DoesNotContain("Sofie", index.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_both_yes_it_is_in_force_and_one_tap_by_either_parent_withdraws_it_at_once()
    {
        var oskar = await _factory.ChildIdAsync("Oskar Jensen");
        using var mother = await LoggedInAsync(DemoLogins.Parent);
        using var father = await LoggedInAsync(DemoLogins.OtherParent);
        await GiveAsync(mother, oskar, HealthVisitorsMeetings);
        await GiveAsync(father, oskar, HealthVisitorsMeetings);
        Assert.StartsWith("Gælder · givet af dig", Row(await mother.GetPageAsync($"/samtykke/{oskar}"), "Sundhedsplejen må deltage i netværksmøder"), StringComparison.Ordinal);

        var revoke = await father.GetPageAsync($"/samtykke/{oskar}/{HealthVisitorsMeetings}/traek-tilbage");
        using var revoked = await father.SubmitAsync(revoke.Form());
        var receipt = await father.GetPageAsync(revoked.Location());
        Assert.Equal("Dit samtykke er trukket tilbage.", receipt.QuerySelector("h1")?.TextContent);
        Assert.Contains("Sundhedsplejen bliver ikke inddraget fra nu af.", receipt.MainText(), StringComparison.Ordinal);

        var index = await mother.GetPageAsync($"/samtykke/{oskar}");
        Assert.StartsWith("Gælder ikke – der er sagt nej", Row(index, "Sundhedsplejen må deltage i netværksmøder"), StringComparison.Ordinal);
        var history = index.QuerySelectorAll("main ol li").Select(item => item.TextContent).ToList();
        Assert.Equal(3, history.Count);
        Assert.Contains("Den anden forælder sagde nej eller trak samtykke tilbage", history[0], StringComparison.Ordinal);
        Assert.Contains("Du gav samtykke", history[2], StringComparison.Ordinal);
        var mails = await _factory.WaitForMailAsync(DemoLogins.OtherParent, count: 3);
        Assert.Contains(mails, mail => mail.Subject == "Kvittering: Dit samtykke gælder ikke");
        var told = (await _factory.WaitForMailAsync(DemoLogins.Parent, count: 3)).Single(mail => mail.Subject == "Et samtykke gælder ikke");
        Assert.Contains("har sagt nej eller trukket sit samtykke tilbage: Sundhedsplejen må deltage i netværksmøder om Oskar Jensen. Samtykket gælder ikke fra nu af.", told.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_double_tap_or_resubmitted_form_records_one_decision()
    {
        var oskar = await _factory.ChildIdAsync("Oskar Jensen");
        using var mother = await LoggedInAsync(DemoLogins.Parent);
        var give = await mother.GetPageAsync($"/samtykke/{oskar}/{HealthVisitorsMeetings}/giv");

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => mother.SubmitAsync(give.Form())));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.Redirect, response.StatusCode));
        Assert.Single(responses.Select(response => response.Location()).Distinct());
        Assert.Equal(1, await DecisionCountAsync(oskar));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Both_parents_tapping_yes_at_the_same_moment_makes_one_consent_in_force()
    {
        var oskar = await _factory.ChildIdAsync("Oskar Jensen");
        using var mother = await LoggedInAsync(DemoLogins.Parent);
        using var father = await LoggedInAsync(DemoLogins.OtherParent);
        var motherForm = (await mother.GetPageAsync($"/samtykke/{oskar}/{HealthVisitorsMeetings}/giv")).Form();
        var fatherForm = (await father.GetPageAsync($"/samtykke/{oskar}/{HealthVisitorsMeetings}/giv")).Form();

        var both = await Task.WhenAll(mother.SubmitAsync(motherForm), father.SubmitAsync(fatherForm));

        Assert.All(both, response => Assert.Equal(HttpStatusCode.Redirect, response.StatusCode));
        var consents = await _factory.WithDbAsync(db => db.Consents.WithWholeHistory().Where(consent => consent.ChildId == oskar).ToListAsync());
        var consent = Assert.Single(consents);
        Assert.Equal(2, consent.Decisions.Count);
        Assert.StartsWith("Gælder", Row(await mother.GetPageAsync($"/samtykke/{oskar}"), "Sundhedsplejen må deltage i netværksmøder"), StringComparison.Ordinal);
        foreach (var response in both)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task A_parent_cannot_give_or_see_consent_for_a_child_they_have_no_custody_of()
    {
        var oskar = await _factory.ChildIdAsync("Oskar Jensen");
        await _factory.CreateUserAsync("fremmed@example.dk", "Fremmed Forælder", Portal.Data.Roles.Parent);
        using var stranger = await LoggedInAsync("fremmed@example.dk");

        using var page = await stranger.GetAsync(new Uri($"/samtykke/{oskar}", UriKind.Relative));
        using var give = await stranger.GetAsync(new Uri($"/samtykke/{oskar}/{HealthVisitorsMeetings}/giv", UriKind.Relative));
        var token = (await stranger.GetPageAsync("/")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        using var forged = await stranger.PostAsync(new Uri($"/samtykke/{oskar}/{HealthVisitorsMeetings}/giv", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, give.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(0, await DecisionCountAsync(oskar));
    }

    [Fact]
    public async Task Nobody_sees_another_person_s_receipt_and_unknown_partners_are_not_found()
    {
        var oskar = await _factory.ChildIdAsync("Oskar Jensen");
        using var mother = await LoggedInAsync(DemoLogins.Parent);
        using var father = await LoggedInAsync(DemoLogins.OtherParent);
        var receipt = await GiveAsync(mother, oskar, HealthVisitorsMeetings);

        using var other = await father.GetAsync(new Uri(receipt, UriKind.Relative));
        using var unknown = await mother.GetAsync(new Uri($"/samtykke/{oskar}/Politiet/NetworkMeetings/giv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task From_15_the_young_person_decides_and_the_parents_see_that_they_do()
    {
        var emma = await _factory.ChildIdAsync("Emma Jensen");
        using var mother = await LoggedInAsync(DemoLogins.Parent);
        using var youth = await LoggedInAsync(DemoLogins.Youth);

        var parentView = await mother.GetPageAsync($"/samtykke/{emma}");
        Assert.Contains("Emma Jensen er fyldt 15 år og bestemmer nu selv", parentView.MainText(), StringComparison.Ordinal);
        Assert.DoesNotContain(parentView.QuerySelectorAll("main a"), link => link.TextContent == "Giv samtykke");
        using var parentGive = await mother.GetAsync(new Uri($"/samtykke/{emma}/{HealthVisitorsMeetings}/giv", UriKind.Relative));
        var parentForm = (await Html.ReadAsync(parentGive)).Form();
        using var refused = await mother.SubmitAsync(parentForm);
        Assert.Contains("Det samtykke er ikke dit at give.", (await Html.ReadAsync(refused)).QuerySelector("#error-summary")?.TextContent, StringComparison.Ordinal);

        var youthView = await youth.GetPageAsync($"/samtykke/{emma}");
        Assert.Equal(4, youthView.QuerySelectorAll("main a").Count(link => link.TextContent == "Giv samtykke"));
        await GiveAsync(youth, emma, HealthVisitorsMeetings);
        Assert.StartsWith("Gælder", Row(await youth.GetPageAsync($"/samtykke/{emma}"), "Sundhedsplejen må deltage i netværksmøder"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reminder_goes_out_once_14_days_before_expiry_and_then_the_consent_expires()
    {
        var oskar = await _factory.ChildIdAsync("Oskar Jensen");
        using var mother = await LoggedInAsync(DemoLogins.Parent);
        using var father = await LoggedInAsync(DemoLogins.OtherParent);
        await GiveAsync(mother, oskar, HealthVisitorsMeetings);
        await GiveAsync(father, oskar, HealthVisitorsMeetings);
        var reminders = _factory.Services.GetRequiredService<ConsentReminderService>();

        _clock.Advance(TimeSpan.FromDays(365 - 15));
        Assert.Equal(0, await reminders.SendDueRemindersAsync(CancellationToken.None));
        _clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(2, await reminders.SendDueRemindersAsync(CancellationToken.None));
        Assert.Equal(0, await reminders.SendDueRemindersAsync(CancellationToken.None));

        // The receipt, the word that the consent now applies, and the reminder.
        var mails = await _factory.WaitForMailAsync(DemoLogins.Parent, count: 3);
        var reminder = Assert.Single(mails, mail => mail.Subject == "Et samtykke udløber snart");
        Assert.Contains("Dit samtykke udløber tirsdag 23. november 2027", reminder.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://localhost/samtykke/", reminder.TextBody, StringComparison.Ordinal);

        _clock.Advance(TimeSpan.FromDays(14));
        using var later = await LoggedInAsync(DemoLogins.Parent);
        Assert.StartsWith("Udløbet", Row(await later.GetPageAsync($"/samtykke/{oskar}"), "Sundhedsplejen må deltage i netværksmøder"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_each_persons_latest_yes_is_reminded_so_a_yes_withdrawn_and_given_again_runs_to_its_new_date()
    {
        var oskar = await _factory.ChildIdAsync("Oskar Jensen");
        using var mother = await LoggedInAsync(DemoLogins.Parent);
        using var father = await LoggedInAsync(DemoLogins.OtherParent);
        await GiveAsync(mother, oskar, HealthVisitorsMeetings);
        await GiveAsync(father, oskar, HealthVisitorsMeetings);

        // 100 days on the father withdraws and says yes again: his yes now runs 100 days longer than the mother's.
        _clock.Advance(TimeSpan.FromDays(100));
        using var later = await LoggedInAsync(DemoLogins.OtherParent);
        using (var revoked = await later.SubmitAsync((await later.GetPageAsync($"/samtykke/{oskar}/{HealthVisitorsMeetings}/traek-tilbage")).Form()))
        {
            Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        }

        await GiveAsync(later, oskar, HealthVisitorsMeetings);
        var reminders = _factory.Services.GetRequiredService<ConsentReminderService>();

        _clock.Advance(TimeSpan.FromDays(365 - 100 - 13));
        Assert.Equal(1, await reminders.SendDueRemindersAsync(CancellationToken.None));
        _clock.Advance(TimeSpan.FromDays(100));
        Assert.Equal(1, await reminders.SendDueRemindersAsync(CancellationToken.None));

        // Each has five mails by then: the receipts, the word that the consent applies or not, and one reminder.
        var reminder = Assert.Single(await _factory.WaitForMailAsync(DemoLogins.OtherParent, count: 5), mail => mail.Subject == "Et samtykke udløber snart");
        Assert.Contains("Dit samtykke udløber fredag 3. marts 2028", reminder.TextBody, StringComparison.Ordinal);
        Assert.Single(await _factory.WaitForMailAsync(DemoLogins.Parent, count: 5), mail => mail.Subject == "Et samtykke udløber snart");
    }

    private async Task<HttpClient> LoggedInAsync(string email)
    {
        var client = _factory.CreateClient();
        await client.LogInAsync(email);
        return client;
    }

    private static async Task<string> GiveAsync(HttpClient client, Guid childId, string partnerAndPurpose)
    {
        var give = await client.GetPageAsync($"/samtykke/{childId}/{partnerAndPurpose}/giv");
        using var response = await client.SubmitAsync(give.Form());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Location();
    }

    private static string? Definition(IHtmlDocument page, string term) =>
        page.QuerySelectorAll("main dt").Single(item => item.TextContent == term).NextElementSibling?.TextContent;

    private static string Row(IHtmlDocument page, string title) =>
        page.QuerySelectorAll("main .card").Single(card => card.QuerySelector(".card-heading")!.TextContent.StartsWith(title, StringComparison.Ordinal)).QuerySelector("p")!.TextContent;

    private Task<int> DecisionCountAsync(Guid childId) =>
        _factory.WithDbAsync(db => db.Consents.Where(consent => consent.ChildId == childId).SelectMany(consent => consent.Decisions).CountAsync());

    public void Dispose()
    {
        _factory.Dispose();
        _factory.DeleteDataFolder();
    }
}
