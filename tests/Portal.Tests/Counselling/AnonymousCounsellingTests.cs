using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Counselling;
using Portal.Data;
using Portal.Domain.Counselling;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Counselling;

/// <summary>Journey 3: someone asks De Åbne Rådgivninger for help without an account or a name, and gets offers in line order.</summary>
public sealed class AnonymousCounsellingTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly PortalFactory _factory;

    public AnonymousCounsellingTests() =>
        _factory = PortalFactory.With(new Dictionary<string, string?> { ["Counselling:HousekeepingInterval"] = "00:00:00" }, clock: _clock);

    [Fact]
    public async Task An_empty_form_is_enough_and_the_device_remembers_the_place_in_a_secure_cookie()
    {
        using var phone = _factory.CreateClient();
        var form = (await phone.GetPageAsync("/raadgivning")).Form();
        Assert.Contains("Rådgiverne har tavshedspligt. Men hvis et barn er i fare, skal de handle.", form.TextContent, StringComparison.Ordinal);

        using var sent = await phone.SubmitAsync(form);

        Assert.Equal("/raadgivning/status", sent.Location());
        var cookie = Assert.Single(sent.Headers.GetValues("Set-Cookie"), value => value.StartsWith("__Host-Familieportalen.Ticket=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        using var statusResponse = await phone.GetAsync(new Uri("/raadgivning/status", UriKind.Relative));
        var status = await Html.ReadAsync(statusResponse);
        Assert.Contains("Tak. Vi har fået din henvendelse.", status.MainText(), StringComparison.Ordinal);
        Assert.Contains("Du er nummer 1 i køen.", status.MainText(), StringComparison.Ordinal);
        var shownCode = status.QuerySelector("main .portal-code")!.TextContent;
        Assert.Matches("^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$", shownCode);

        // The code also as a QR code for the phone's camera, and a copy button that the script shows.
        Assert.StartsWith("data:image/svg+xml;base64,", status.QuerySelector("main img.portal-qr")?.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Equal(shownCode, status.QuerySelector("main [data-copy-area] button")?.GetAttribute("data-copy-text"));
        Assert.True(status.QuerySelector("main [data-copy-area]")!.HasAttribute("hidden"));
        Assert.Equal("no-referrer", Assert.Single(statusResponse.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("no-store", statusResponse.Headers.CacheControl?.ToString(), StringComparison.Ordinal);

        // Coming back to the form shows the place at once.
        using var again = await phone.GetAsync(new Uri("/raadgivning", UriKind.Relative));
        Assert.Equal("/raadgivning/status", again.Location());
    }

    [Fact]
    public async Task A_choice_that_is_not_on_the_form_marks_its_group_in_error_and_nothing_is_asked()
    {
        using var phone = _factory.CreateClient();

        using var refused = await phone.SubmitAsync((await phone.GetPageAsync("/raadgivning")).Form(), new Dictionary<string, string> { ["Input.Asker"] = "Grandparent" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Html.ReadAsync(refused);
        var group = page.QuerySelector("input[name='Input.Asker']")!.Closest("fieldset")!;
        Assert.Contains("form-error", group.ClassList);
        Assert.DoesNotContain("form-error", page.QuerySelector("input[name='Input.Topic']")!.Closest("fieldset")!.ClassList);
        Assert.Empty(page.QuerySelectorAll("[portal-error-for]"));
        Assert.Equal(0, await _factory.WithDbAsync(db => db.CounsellingRequests.CountAsync()));
    }

    [Fact]
    public async Task The_code_opens_the_same_place_on_another_device_and_never_travels_in_an_address()
    {
        using var phone = _factory.CreateClient();
        using var sent = await phone.SubmitAsync((await phone.GetPageAsync("/raadgivning")).Form(), new Dictionary<string, string> { ["Input.Topic"] = "Grief" });
        var code = (await phone.GetPageAsync("/raadgivning/status")).QuerySelector("main .portal-code")!.TextContent;

        using var laptop = _factory.CreateClient();
        using var lookup = await laptop.SubmitAsync((await laptop.GetPageAsync("/raadgivning/kode")).Form(), new Dictionary<string, string> { ["Input.Code"] = code.ToLowerInvariant().Replace('-', ' ') });
        Assert.Equal("/raadgivning/status", lookup.Location());
        Assert.Contains("Du er nummer 1 i køen.", (await laptop.GetPageAsync("/raadgivning/status")).MainText(), StringComparison.Ordinal);

        foreach (var wrong in new[] { "ABCD-EFGH", "not a code at all", new string('0', 32) })
        {
            using var stranger = _factory.CreateClient();
            using var response = await stranger.SubmitAsync((await stranger.GetPageAsync("/raadgivning/kode")).Form(), new Dictionary<string, string> { ["Input.Code"] = wrong });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Vi kan ikke finde en henvendelse med den kode.", (await Html.ReadAsync(response)).QuerySelector("#error-summary")?.TextContent, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(_factory.Logs.Lines, line => line.Contains(code, StringComparison.Ordinal) || line.Contains(code.Replace("-", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Three_hundred_people_asking_at_once_get_numbers_1_to_300_exactly_once_and_offers_follow_that_order()
    {
        // 300 people send the form at the same moment, through the real page.
        using var crowd = _factory.CreateClient();
        var form = (await crowd.GetPageAsync("/raadgivning")).Form();
        var responses = await Task.WhenAll(Enumerable.Range(0, 300).Select(_ => crowd.SubmitAsync(form)));
        Assert.All(responses, response => Assert.Equal("/raadgivning/status", response.Location()));
        var codes = responses.Select(response => response.Headers.GetValues("Set-Cookie").Single(value => value.StartsWith("__Host-Familieportalen.Ticket=", StringComparison.Ordinal))).ToList();
        foreach (var response in responses)
        {
            response.Dispose();
        }

        var numbers = await _factory.WithDbAsync(db => db.CounsellingRequests.Select(request => request.QueueNumber).ToListAsync());
        Assert.Equal(Enumerable.Range(1, 300).Select(number => (long)number), numbers.Order());
        Assert.Equal(300, codes.Distinct().Count());

        using var counsellor = _factory.CreateClient();
        await counsellor.LogInAsync(Portal.Data.DemoData.Users[4].Email);
        for (var expected = 1; expected <= 3; expected++)
        {
            var offer = await counsellor.GetPageAsync("/raadgiver/tilbud");
            Assert.Contains($"nummer {expected}.", offer.MainText(), StringComparison.Ordinal);
            using var made = await counsellor.SubmitAsync(offer.Form(), new Dictionary<string, string> { ["Input.Place"] = "Familiehuset" });
            Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        }

        var offered = await _factory.WithDbAsync(db => db.CounsellingRequests.Where(request => request.State == RequestState.Offered).Select(request => request.QueueNumber).ToListAsync());
        Assert.Equal([1L, 2L, 3L], offered.Order());
    }

    [Fact]
    public async Task Letting_an_offer_pass_keeps_the_place_once_and_the_notice_email_says_nothing_sensitive()
    {
        using var first = await AskAsync(email: "spoerger@example.dk");
        using var second = await AskAsync();
        using var counsellor = _factory.CreateClient();
        await counsellor.LogInAsync(Portal.Data.DemoData.Users[4].Email);

        await OfferNextAsync(counsellor);
        var notice = Assert.Single(await _factory.WaitForMailAsync("spoerger@example.dk"));
        Assert.Equal("Der er nyt om din henvendelse", notice.Subject);
        Assert.DoesNotContain("Familiehuset", notice.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Mette", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://localhost/raadgivning/status", notice.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(_factory.Logs.Lines, line => line.Contains("spoerger@example.dk", StringComparison.OrdinalIgnoreCase));

        var status = await first.GetPageAsync("/raadgivning/status");
        Assert.Contains("Vi har en tid til dig", status.MainText(), StringComparison.Ordinal);
        Assert.Contains("Familiehuset, med Mette.", status.MainText(), StringComparison.Ordinal);
        using var passed = await first.SubmitAsync(status.Form("main form[action*='handler=Pass']"));
        Assert.Contains("Du beholder din plads", (await first.GetPageAsync("/raadgivning/status")).MainText(), StringComparison.Ordinal);

        await OfferNextAsync(counsellor);
        Assert.Contains("Vi har en tid til dig", (await first.GetPageAsync("/raadgivning/status")).MainText(), StringComparison.Ordinal);
        using var passedAgain = await first.SubmitAsync((await first.GetPageAsync("/raadgivning/status")).Form("main form[action*='handler=Pass']"));

        await OfferNextAsync(counsellor);
        Assert.Contains("Vi har en tid til dig", (await second.GetPageAsync("/raadgivning/status")).MainText(), StringComparison.Ordinal);
        Assert.Contains("Du er nummer 1 i køen.", (await first.GetPageAsync("/raadgivning/status")).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_wait_is_told_from_the_line_s_real_pace_only_when_there_is_enough_of_it_and_survives_an_offer_let_pass()
    {
        using var first = await AskAsync();
        using var second = await AskAsync();
        using var counsellor = _factory.CreateClient();
        await counsellor.LogInAsync(Portal.Data.DemoData.Users[4].Email);

        // One offer is too little to go on: no guess.
        await OfferNextAsync(counsellor);
        var waiting = (await second.GetPageAsync("/raadgivning/status")).MainText();
        Assert.Contains("Du er nummer 1 i køen.", waiting, StringComparison.Ordinal);
        Assert.Contains("Vi kan ikke sige, hvor længe du skal vente: vi har ikke givet tider nok de sidste 12 uger til at regne det ud.", waiting, StringComparison.Ordinal);
        Assert.DoesNotContain("Forventet ventetid", waiting, StringComparison.Ordinal);

        // Five earlier offers over the last three weeks: six in four weeks, a time and a half a week.
        await _factory.WithDbAsync(db =>
        {
            int[] daysAgo = [3, 7, 10, 14, 20];
            db.OffersMade.AddRange(daysAgo.Select(days => new OfferMade(_clock.GetUtcNow().AddDays(-days))));
            return db.SaveChangesAsync();
        });
        Assert.Contains("Forventet ventetid: op til 2 uger. Det bygger på, at vi har givet 6 tider de sidste 4 uger.", (await second.GetPageAsync("/raadgivning/status")).MainText(), StringComparison.Ordinal);

        // "Not this time" puts the first back in front; the line's pace is unchanged, and so is what it says.
        using var passed = await first.SubmitAsync((await first.GetPageAsync("/raadgivning/status")).Form("main form[action*='handler=Pass']"));
        var firstAgain = (await first.GetPageAsync("/raadgivning/status")).MainText();
        Assert.Contains("Du er nummer 1 i køen.", firstAgain, StringComparison.Ordinal);
        Assert.Contains("Forventet ventetid: op til 2 uger. Det bygger på, at vi har givet 6 tider de sidste 4 uger.", firstAgain, StringComparison.Ordinal);
        var secondAgain = (await second.GetPageAsync("/raadgivning/status")).MainText();
        Assert.Contains("Du er nummer 2 i køen.", secondAgain, StringComparison.Ordinal);
        Assert.Contains("Forventet ventetid: op til 3 uger.", secondAgain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unanswered_offer_lapses_and_a_withdrawn_request_is_deleted_after_30_days()
    {
        using var person = await AskAsync(email: "vaek@example.dk");
        using var counsellor = _factory.CreateClient();
        await counsellor.LogInAsync(Portal.Data.DemoData.Users[4].Email);
        await OfferNextAsync(counsellor);
        var housekeeping = _factory.Services.GetRequiredService<CounsellingHousekeeping>();

        _clock.Advance(TimeSpan.FromDays(4));
        Assert.Equal((1, 0), await housekeeping.RunOnceAsync(CancellationToken.None));

        var status = await person.GetPageAsync("/raadgivning/status");
        Assert.Contains("Du er nummer 1 i køen.", status.MainText(), StringComparison.Ordinal);
        using var withdrawn = await GiveUpAsync(person, status);
        Assert.Null(await _factory.WithDbAsync(db => db.CounsellingRequests.Select(request => request.NoticeEmail).SingleAsync()));

        _clock.Advance(TimeSpan.FromDays(29));
        Assert.Equal((0, 0), await housekeeping.RunOnceAsync(CancellationToken.None));
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal((0, 1), await housekeeping.RunOnceAsync(CancellationToken.None));
        Assert.Equal(0, await _factory.WithDbAsync(db => db.CounsellingRequests.CountAsync()));

        // That an offer was made (no request, no person) counts for the line's pace for 12 weeks, then it goes too.
        Assert.Equal(1, await _factory.WithDbAsync(db => db.OffersMade.CountAsync()));
        _clock.Advance(TimeSpan.FromDays(84 - 34));
        await housekeeping.RunOnceAsync(CancellationToken.None);
        Assert.Equal(0, await _factory.WithDbAsync(db => db.OffersMade.CountAsync()));
    }

    [Fact]
    public async Task Giving_up_the_place_is_asked_once_and_changes_nothing_until_it_is_confirmed()
    {
        using var person = await AskAsync();
        var status = await person.GetPageAsync("/raadgivning/status");
        Assert.Empty(status.QuerySelectorAll("main form[action*='NoLongerNeeded']"));

        var question = await person.GetPageAsync(GiveUpLink(status));
        Assert.Equal("Har du ikke brug for det længere?", question.QuerySelector("h1")?.TextContent);
        Assert.Contains("Du kan ikke få den tilbage.", question.MainText(), StringComparison.Ordinal);
        Assert.Equal("/raadgivning/status", question.QuerySelectorAll("main a").Single(link => link.TextContent == "Nej, behold min plads").GetAttribute("href"));
        Assert.Equal(RequestState.Waiting, await _factory.WithDbAsync(db => db.CounsellingRequests.Select(request => request.State).SingleAsync()));

        using var confirmed = await person.SubmitAsync(question.Form());
        using var again = await person.SubmitAsync(question.Form());

        Assert.Equal(("/raadgivning/status", "/raadgivning/status"), (confirmed.Location(), again.Location()));
        Assert.Equal(RequestState.Withdrawn, await _factory.WithDbAsync(db => db.CounsellingRequests.Select(request => request.State).SingleAsync()));
        Assert.Contains("Din henvendelse er trukket tilbage.", (await person.GetPageAsync("/raadgivning/status")).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_email_can_be_removed_at_any_time()
    {
        using var person = await AskAsync(email: "fjern@example.dk");

        using var removed = await person.SubmitAsync((await person.GetPageAsync("/raadgivning/status")).Form("main form[action*='handler=RemoveEmail']"));

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Null(await _factory.WithDbAsync(db => db.CounsellingRequests.Select(request => request.NoticeEmail).SingleAsync()));
    }

    [Fact]
    public async Task Nothing_that_identifies_the_person_is_stored()
    {
        using var person = await AskAsync(email: null);

        // The table as the database has it: its columns from the model the migrations were made from (both providers).
        var columns = await _factory.WithDbAsync(db => Task.FromResult(db.Model.FindEntityType(typeof(CounsellingRequest))!.GetProperties().Select(property => property.GetColumnName()).ToList()));
        Assert.DoesNotContain(columns, column => column.Contains("Ip", StringComparison.OrdinalIgnoreCase) || column.Contains("Agent", StringComparison.OrdinalIgnoreCase) || column.Contains("Cookie", StringComparison.OrdinalIgnoreCase) || column.Contains("Name", StringComparison.Ordinal) && column != "CounsellorFirstName");
        var stored = await _factory.WithDbAsync(db => db.CounsellingRequests.SingleAsync());
        Assert.Equal(64, stored.TicketHash.Length);
        var code = (await person.GetPageAsync("/raadgivning/status")).QuerySelector("main .portal-code")!.TextContent.Replace("-", string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain(code, stored.TicketHash, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Only_counsellors_see_the_line()
    {
        using var parent = _factory.CreateClient();
        await parent.LogInAsync(DemoLogins.Parent);
        using var anonymous = _factory.CreateClient();

        using var parentResponse = await parent.GetAsync(new Uri("/raadgiver", UriKind.Relative));
        using var anonymousResponse = await anonymous.GetAsync(new Uri("/raadgiver/tilbud", UriKind.Relative));

        Assert.StartsWith("/Identity/Account/AccessDenied", parentResponse.Location(), StringComparison.Ordinal);
        Assert.StartsWith("/Identity/Account/Login", anonymousResponse.Location(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_offer_posted_with_a_forged_yes_no_value_is_a_field_error_and_the_form_keeps_what_was_typed()
    {
        using var asker = await AskAsync();
        using var counsellor = _factory.CreateClient();
        await counsellor.LogInAsync(DemoData.Users[4].Email);
        var offer = await counsellor.GetPageAsync("/raadgiver/tilbud");
        var fields = offer.Form().Elements.OfType<AngleSharp.Html.Dom.IHtmlInputElement>()
            .Where(input => input.Name is { Length: > 0 } name && name != "Input.Online")
            .Select(input => new KeyValuePair<string, string>(input.Name!, input.Name == "Input.Place" ? "Familiehuset" : input.Value))
            .Append(new("Input.Online", "-1\r\nforged"));

        using var content = new FormUrlEncodedContent(fields);
        using var response = await counsellor.PostAsync(new Uri("/raadgiver/tilbud", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.NotNull(page.QuerySelector("#error-summary"));
        Assert.Equal("Familiehuset", page.QuerySelector("input[name='Input.Place']")?.GetAttribute("value"));
        Assert.DoesNotContain(_factory.Logs.Lines, line => line.Contains("forged", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_device_keeps_the_code_30_days_after_the_last_visit_and_forgets_it_when_the_request_is_withdrawn()
    {
        using var person = await AskAsync();
        using var visit = await person.GetAsync(new Uri("/raadgivning/status", UriKind.Relative));
        var renewed = Assert.Single(visit.Headers.GetValues("Set-Cookie"), value => value.StartsWith("__Host-Familieportalen.Ticket=", StringComparison.Ordinal));
        Assert.Contains("max-age=2592000", renewed, StringComparison.OrdinalIgnoreCase);

        var status = await Html.ReadAsync(visit);
        using var withdrawn = await GiveUpAsync(person, status);
        using var after = await person.GetAsync(new Uri("/raadgivning/status", UriKind.Relative));
        var deleted = Assert.Single(after.Headers.GetValues("Set-Cookie"), value => value.StartsWith("__Host-Familieportalen.Ticket=", StringComparison.Ordinal));
        Assert.Contains("expires=Thu, 01 Jan 1970", deleted, StringComparison.OrdinalIgnoreCase);

        // Next time the device shows the empty form, not the old request.
        using var again = await person.GetAsync(new Uri("/raadgivning", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Forget_this_device_removes_the_code_from_the_device_but_keeps_the_place()
    {
        using var person = await AskAsync();
        var status = await person.GetPageAsync("/raadgivning/status");
        var code = status.QuerySelector("main .portal-code")!.TextContent;

        using var forgotten = await person.SubmitAsync(status.Form("main form[action*='handler=Forget']"));

        Assert.Equal("/raadgivning", forgotten.Location());
        using var back = await person.GetAsync(new Uri("/raadgivning/status", UriKind.Relative));
        Assert.Equal("/raadgivning/kode", back.Location());
        using var laptop = _factory.CreateClient();
        using var lookup = await laptop.SubmitAsync((await laptop.GetPageAsync("/raadgivning/kode")).Form(), new Dictionary<string, string> { ["Input.Code"] = code });
        Assert.Contains("Du er nummer 1 i køen.", (await laptop.GetPageAsync("/raadgivning/status")).MainText(), StringComparison.Ordinal);
    }

    private async Task<HttpClient> AskAsync(string? email = null)
    {
        var client = _factory.CreateClient();
        var values = new Dictionary<string, string> { ["Input.Topic"] = "WorriesAndAnxiety", ["Input.Message"] = "Jeg er bekymret for min lillebror" };
        if (email is not null)
        {
            values["Input.Email"] = email;
        }

        using var sent = await client.SubmitAsync((await client.GetPageAsync("/raadgivning")).Form(), values);
        Assert.Equal("/raadgivning/status", sent.Location());
        return client;
    }

    private static async Task OfferNextAsync(HttpClient counsellor)
    {
        var offer = await counsellor.GetPageAsync("/raadgiver/tilbud");
        using var made = await counsellor.SubmitAsync(offer.Form(), new Dictionary<string, string> { ["Input.Place"] = "Familiehuset" });
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
    }

    private static string GiveUpLink(AngleSharp.Html.Dom.IHtmlDocument status) =>
        status.QuerySelectorAll("main a.button").Single(link => link.TextContent == "Jeg har ikke brug for det længere").GetAttribute("href")!;

    private static async Task<HttpResponseMessage> GiveUpAsync(HttpClient person, AngleSharp.Html.Dom.IHtmlDocument status)
    {
        var question = await person.GetPageAsync(GiveUpLink(status));
        return await person.SubmitAsync(question.Form());
    }

    public void Dispose()
    {
        _factory.Dispose();
        _factory.DeleteDataFolder();
        SqliteConnection.ClearAllPools();
    }
}
