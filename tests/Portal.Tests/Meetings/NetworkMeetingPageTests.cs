using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Portal.Data;
using Portal.Domain.Meetings;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Meetings;

/// <summary>The network meeting through its pages: the young person decides, staff invite, invitees answer, and refusals.</summary>
public sealed partial class NetworkMeetingPageTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    [Fact]
    public async Task The_young_person_chooses_their_own_people_and_declines_a_parents_suggestion_and_only_the_chosen_are_invited()
    {
        var (emma, meetingId) = await DemoMeetingAsync();
        using var youth = await LoggedInAsync(DemoLogins.Youth);

        var home = await youth.GetPageAsync("/");
        Assert.Contains("Inviteret indtil nu: Pia Holm", home.MainText(), StringComparison.Ordinal);
        var list = await youth.GetPageAsync($"/moeder/{emma}");
        Assert.Equal("Dine netværksmøder", list.QuerySelector("h1")!.TextContent);
        var page = await youth.GetPageAsync($"/moeder/{emma}/{meetingId}");
        Assert.Contains("Hvilke voksne stoler du på?", page.MainText(), StringComparison.Ordinal);
        Assert.Contains("Venter på dit svar", Card(page, "Moster Hanne").TextContent, StringComparison.Ordinal);

        // Before she answers, Emma is told what her mother will see if she says no.
        Assert.Contains("Siger du nej tak, ser din mor eller far kun: 'Ikke med denne gang'.", Card(page, "Moster Hanne").TextContent, StringComparison.Ordinal);

        using var suggested = await youth.SubmitAsync(SuggestForm(page), new Dictionary<string, string>
        {
            ["Suggestion.Name"] = "Mormor Grethe",
            ["Suggestion.Relation"] = "mormor",
            ["Suggestion.Email"] = "grethe@example.dk",
            ["Suggestion.Why"] = "Hun lytter altid til mig.",
        });
        Assert.Equal(HttpStatusCode.Redirect, suggested.StatusCode);
        page = await youth.GetPageAsync($"/moeder/{emma}/{meetingId}");
        using var declined = await youth.SubmitAsync(Button(Card(page, "Moster Hanne"), "Nej tak til Moster Hanne"));
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);

        page = await youth.GetPageAsync($"/moeder/{emma}/{meetingId}");
        Assert.Contains("Du har sagt nej tak", Card(page, "Moster Hanne").TextContent, StringComparison.Ordinal);
        Assert.Contains("Dit eget valg", Card(page, "Mormor Grethe").TextContent, StringComparison.Ordinal);

        // The caseworker sees Emma's choice as hers, in her own words.
        using var caseworker = await LoggedInAsync(DemoLogins.Caseworker);
        var staffPage = await caseworker.GetPageAsync($"/medarbejder/sager/{emma}/moeder/{meetingId}");
        var grethe = Card(staffPage, "Mormor Grethe").TextContent;
        Assert.Contains("Emmas eget valg", grethe, StringComparison.Ordinal);
        Assert.Contains("Hun lytter altid til mig.", grethe, StringComparison.Ordinal);
        var hanneCard = Card(staffPage, "Moster Hanne").TextContent;
        Assert.True(hanneCard.Contains("Emma har sagt nej tak", StringComparison.Ordinal), hanneCard);

        // Her mother, who suggested the aunt, reads it neutrally.
        using var mother = await LoggedInAsync(DemoLogins.Parent);
        var mothersCard = Card(await mother.GetPageAsync($"/moeder/{emma}/{meetingId}"), "Moster Hanne").TextContent;
        Assert.Contains("Ikke med denne gang", mothersCard, StringComparison.Ordinal);
        Assert.DoesNotContain("nej tak", mothersCard, StringComparison.OrdinalIgnoreCase);

        // The chosen are invited by mail with a calendar invitation; the declined aunt gets nothing.
        var invitation = Assert.Single(await _factory.WaitForMailAsync("grethe@example.dk"));
        Assert.StartsWith("Invitation: netværksmøde med Emma", invitation.Subject, StringComparison.Ordinal);
        Assert.True(invitation.TextBody?.Contains("Emma vil gerne have dig med", StringComparison.Ordinal), invitation.TextBody);
        var calendar = Ical.Net.Calendar.Load(CalendarText(invitation))!;
        Assert.Equal("REQUEST", calendar.Method);
        Assert.Equal($"{meetingId:N}@familieportalen", calendar.Events.Single().Uid);
        await _factory.WaitForMailAsync("pia.holm@skole.example");
        Assert.Empty(MailTo("hanne@example.dk"));
    }

    [Fact]
    public async Task For_a_child_without_a_login_of_their_own_a_parent_s_suggestion_stands_with_the_child_s_wishes()
    {
        var oskar = await _factory.ChildIdAsync("Oskar Jensen");
        using var caseworker = await LoggedInAsync(DemoLogins.Caseworker);
        using var scheduled = await caseworker.SubmitAsync((await caseworker.GetPageAsync($"/medarbejder/sager/{oskar}/moeder")).Form("main form"), new Dictionary<string, string>
        {
            ["Input.Date"] = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.StartTime"] = "09:00",
            ["Input.EndTime"] = "10:00",
            ["Input.OnlineLink"] = "https://moede.kommune.example/oskar",
            ["Input.Purpose"] = "Vi taler om Oskars nye skole.",
        });
        var meetingId = Guid.Parse(scheduled.Location().Split('/')[^1]);

        using var father = await LoggedInAsync(DemoLogins.OtherParent);
        var page = await father.GetPageAsync($"/moeder/{oskar}/{meetingId}");
        Assert.Contains("Skriv gerne, hvad Oskar selv ønsker.", page.MainText(), StringComparison.Ordinal);
        using var suggested = await father.SubmitAsync(SuggestForm(page), new Dictionary<string, string>
        {
            ["Suggestion.Name"] = "Farmor Inge",
            ["Suggestion.Relation"] = "farmor",
            ["Suggestion.Email"] = "inge@example.dk",
            ["Suggestion.Why"] = "Oskar vil gerne have farmor med.",
        });
        Assert.Equal(HttpStatusCode.Redirect, suggested.StatusCode);

        Assert.Equal(ParticipantDecision.Chosen, await DecisionAsync(meetingId, "Farmor Inge"));
        var invitation = Assert.Single(await _factory.WaitForMailAsync("inge@example.dk"));
        Assert.Contains("https://moede.kommune.example/oskar", invitation.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_English_the_meeting_page_speaks_English_throughout()
    {
        var (emma, meetingId) = await DemoMeetingAsync();
        using var youth = await LoggedInAsync(DemoLogins.Youth);
        var page = await youth.GetPageAsync($"/moeder/{emma}/{meetingId}");
        using var switched = await youth.SubmitAsync(page.Form("header form[action='/sprog']"));

        var english = await youth.GetPageAsync($"/moeder/{emma}/{meetingId}");

        Assert.Equal("Your network meeting", english.QuerySelector("h1")!.TextContent);
        var text = english.MainText();
        Assert.Contains("Which grown-ups do you trust?", text, StringComparison.Ordinal);
        Assert.Contains("Waiting for your answer", Card(english, "Moster Hanne").TextContent, StringComparison.Ordinal);
        Assert.Contains("Suggested by Sofie Jensen", Card(english, "Moster Hanne").TextContent, StringComparison.Ordinal);
        Assert.Contains("Would you like a support person with you?", text, StringComparison.Ordinal);

        // Dates and times as English writes them ("Monday 21 December 2026 at 15:00"), not in the Danish way.
        Assert.Matches(@"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) [1-9][0-9]? (January|February|March|April|May|June|July|August|September|October|November|December) 20[0-9]{2} at [0-2][0-9]:[0-5][0-9]", text);
        foreach (var danish in new[] { "Hvem", "Venter", "Foreslået", "bisidder", "Valgfrit", " kl. " })
        {
            Assert.DoesNotContain(danish, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_parent_sees_the_meeting_but_cannot_decide_for_the_young_person_and_does_not_see_her_reasons()
    {
        var (emma, meetingId) = await DemoMeetingAsync();
        using var youth = await LoggedInAsync(DemoLogins.Youth);
        await SuggestJonasAsync(youth, emma, meetingId);

        using var parent = await LoggedInAsync(DemoLogins.Parent);
        var parentPage = await parent.GetPageAsync($"/moeder/{emma}/{meetingId}");
        Assert.Contains("Emmas eget valg", Card(parentPage, "Jonas").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Jonas forstår mig.", parentPage.MainText(), StringComparison.Ordinal);
        Assert.DoesNotContain(parentPage.QuerySelectorAll("button"), button => button.TextContent.Contains("Nej tak", StringComparison.Ordinal));

        // Posting the young person's answer anyway is refused, and nothing changes.
        var form = SuggestForm(parentPage);
        var hanne = await ParticipantIdAsync(meetingId, "Moster Hanne");
        form.SetAttribute("action", $"/moeder/{emma}/{meetingId}?handler=Decide&participantId={hanne}&yes=false");
        using var refused = await parent.SubmitAsync(form);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Det er den unge selv, der siger ja eller nej.", (await Html.ReadAsync(refused)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ParticipantDecision.AwaitingYoungPerson, await DecisionAsync(meetingId, "Moster Hanne"));
    }

    [Fact]
    public async Task A_parent_changes_her_own_suggestion_but_cannot_open_the_young_person_s()
    {
        var (emma, meetingId) = await DemoMeetingAsync();
        using var youth = await LoggedInAsync(DemoLogins.Youth);
        await SuggestJonasAsync(youth, emma, meetingId);

        using var parent = await LoggedInAsync(DemoLogins.Parent);
        var page = await parent.GetPageAsync($"/moeder/{emma}/{meetingId}");
        var editLink = Card(page, "Moster Hanne").QuerySelectorAll("a").Single(link => link.TextContent == "Ret Moster Hanne").GetAttribute("href")!;
        var edit = await parent.GetPageAsync(editLink);
        Assert.Equal("hanne@example.dk", ((IHtmlInputElement)edit.QuerySelector("input[name='Suggestion.Email']")!).Value);

        using var saved = await parent.SubmitAsync(edit.Form(), new Dictionary<string, string> { ["Suggestion.Email"] = "hanne.berg@example.dk" });
        Assert.Equal($"/moeder/{emma}/{meetingId}", saved.Location());
        Assert.Contains("hanne.berg@example.dk", (await parent.GetPageAsync($"/moeder/{emma}/{meetingId}")).MainText(), StringComparison.Ordinal);
        Assert.Equal(ParticipantDecision.AwaitingYoungPerson, await DecisionAsync(meetingId, "Moster Hanne"));

        var jonas = await ParticipantIdAsync(meetingId, "Jonas");
        Assert.DoesNotContain(Card(page, "Jonas").QuerySelectorAll("a"), link => link.TextContent.StartsWith("Ret", StringComparison.Ordinal));
        using var refused = await parent.GetAsync(new Uri($"/moeder/{emma}/{meetingId}/forslag/{jonas}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task My_data_holds_the_meetings_with_the_young_person_s_reasons_only_for_her()
    {
        var (emma, meetingId) = await DemoMeetingAsync();
        using var youth = await LoggedInAsync(DemoLogins.Youth);
        await SuggestJonasAsync(youth, emma, meetingId);
        using var parent = await LoggedInAsync(DemoLogins.Parent);

        var youthJson = await youth.GetStringAsync(new Uri("/mine-data?handler=Download", UriKind.Relative));
        var parentJson = await parent.GetStringAsync(new Uri("/mine-data?handler=Download", UriKind.Relative));

        Assert.Contains("Jonas forstår mig.", youthJson, StringComparison.Ordinal);
        Assert.Contains("\"name\": \"Jonas\"", parentJson, StringComparison.Ordinal);
        Assert.DoesNotContain("Jonas forstår mig.", parentJson, StringComparison.Ordinal);
        Assert.Contains("Emma er glad for at være hos Hanne.", parentJson, StringComparison.Ordinal);
        Assert.Contains("Moster Hanne (dit forslag)", (await parent.GetPageAsync("/mine-data")).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nobody_outside_the_family_or_the_case_can_open_the_meeting()
    {
        var (emma, meetingId) = await DemoMeetingAsync();
        var oskar = await _factory.ChildIdAsync("Oskar Jensen");
        await _factory.CreateUserAsync("fremmed@example.dk", "Fremmed Forælder", Roles.Parent);
        await _factory.CreateUserAsync("anden.sagsbehandler@example.dk", "Anden Sagsbehandler", Roles.Caseworker);

        using var stranger = await LoggedInAsync("fremmed@example.dk");
        foreach (var path in new[] { $"/moeder/{emma}", $"/moeder/{emma}/{meetingId}", $"/moeder/{emma}/{meetingId}/kalender", $"/moeder/{oskar}/{meetingId}" })
        {
            using var response = await stranger.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        using var otherCaseworker = await LoggedInAsync("anden.sagsbehandler@example.dk");
        using (var response = await otherCaseworker.GetAsync(new Uri($"/medarbejder/sager/{emma}/moeder/{meetingId}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        // A parent is no caseworker, and the meeting id does not open under another child of hers.
        using var parent = await LoggedInAsync(DemoLogins.Parent);
        using (var response = await parent.GetAsync(new Uri($"/medarbejder/sager/{emma}/moeder/{meetingId}", UriKind.Relative)))
        {
            Assert.StartsWith("/Identity/Account/AccessDenied", response.Location(), StringComparison.Ordinal);
        }

        using (var response = await parent.GetAsync(new Uri($"/moeder/{oskar}/{meetingId}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        using var anonymous = _factory.CreateClient();
        using (var response = await anonymous.GetAsync(new Uri($"/moeder/{emma}/{meetingId}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Identity/Account/Login", response.Location(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_partner_service_is_refused_naming_whose_consent_is_missing_and_joins_once_it_is_given()
    {
        var (emma, meetingId) = await DemoMeetingAsync();
        using var caseworker = await LoggedInAsync(DemoLogins.Caseworker);
        var values = new Dictionary<string, string> { ["Partner.Partner"] = "HealthVisitors", ["Partner.ContactName"] = "Sundhedsplejerske Anne", ["Partner.Email"] = "anne@sundhedsplejen.example" };

        var page = await caseworker.GetPageAsync($"/medarbejder/sager/{emma}/moeder/{meetingId}");
        using var refused = await caseworker.SubmitAsync(page.Form("form[action*='handler=AddPartner']"), values);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusal = await Html.ReadAsync(refused);
        Assert.Contains("Det mangler fra: Emma Jensen.", refusal.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Sundhedsplejerske Anne", ((IHtmlInputElement)refusal.QuerySelector("input[name='Partner.ContactName']")!).Value);

        using var youth = await LoggedInAsync(DemoLogins.Youth);
        var give = await youth.GetPageAsync($"/samtykke/{emma}/HealthVisitors/NetworkMeetings/giv");
        using var given = await youth.SubmitAsync(give.Form());
        Assert.Equal(HttpStatusCode.Redirect, given.StatusCode);

        page = await caseworker.GetPageAsync($"/medarbejder/sager/{emma}/moeder/{meetingId}");
        using var added = await caseworker.SubmitAsync(page.Form("form[action*='handler=AddPartner']"), values);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        page = await caseworker.GetPageAsync($"/medarbejder/sager/{emma}/moeder/{meetingId}");
        Assert.Contains("Sundhedsplejen", Card(page, "Sundhedsplejerske Anne").TextContent, StringComparison.Ordinal);
        await _factory.WaitForMailAsync("anne@sundhedsplejen.example");

        // Emma withdraws her consent: Sundhedsplejen is taken off the meeting and told so.
        var revoke = await youth.GetPageAsync($"/samtykke/{emma}/HealthVisitors/NetworkMeetings/traek-tilbage");
        using var revoked = await youth.SubmitAsync(revoke.Form());
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        var mails = await _factory.WaitForMailAsync("anne@sundhedsplejen.example", 2);
        Assert.Equal(["CANCEL", "REQUEST"], mails.Select(mail => Ical.Net.Calendar.Load(CalendarText(mail))!.Method).Order());
        page = await caseworker.GetPageAsync($"/medarbejder/sager/{emma}/moeder/{meetingId}");
        Assert.DoesNotContain("Sundhedsplejerske Anne", page.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invitee_answers_through_the_link_in_the_mail_and_the_link_ends_when_they_are_removed()
    {
        var (emma, meetingId) = await DemoMeetingAsync();
        using var caseworker = await LoggedInAsync(DemoLogins.Caseworker);
        var page = await caseworker.GetPageAsync($"/medarbejder/sager/{emma}/moeder/{meetingId}");
        using var added = await caseworker.SubmitAsync(page.Form("form[action*='handler=AddProfessional']"), new Dictionary<string, string>
        {
            ["Professional.Name"] = "Ole Berg",
            ["Professional.Role"] = "SSP-medarbejder",
            ["Professional.Email"] = "ole@ssp.example",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var link = AnswerLink().Match(Assert.Single(await _factory.WaitForMailAsync("ole@ssp.example")).TextBody ?? string.Empty).Value;
        using var invitee = _factory.CreateClient();
        var answer = await invitee.GetPageAsync(link);
        Assert.Equal("Hej Ole Berg", answer.QuerySelector("h1")!.TextContent);
        Assert.DoesNotContain("Moster Hanne", answer.MainText(), StringComparison.Ordinal);
        using var coming = await invitee.SubmitAsync(Button(answer.QuerySelector("main")!, "Ja, jeg kommer"));
        Assert.Equal(HttpStatusCode.Redirect, coming.StatusCode);
        Assert.Contains("Du har sagt, at du kommer.", (await invitee.GetPageAsync(link)).MainText(), StringComparison.Ordinal);

        page = await caseworker.GetPageAsync($"/medarbejder/sager/{emma}/moeder/{meetingId}");
        Assert.Contains("Kommer", Card(page, "Ole Berg").TextContent, StringComparison.Ordinal);
        using var removed = await caseworker.SubmitAsync(Button(Card(page, "Ole Berg"), "Fjern Ole Berg fra listen"));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);

        var cancellation = (await _factory.WaitForMailAsync("ole@ssp.example", 2)).Single(mail => mail.Subject?.StartsWith("Aflyst:", StringComparison.Ordinal) == true);
        Assert.Equal("CANCEL", Ical.Net.Calendar.Load(CalendarText(cancellation))!.Method);
        var ended = await invitee.GetPageAsync(link);
        Assert.Equal("Linket virker ikke længere", ended.QuerySelector("h1")!.TextContent);
        Assert.DoesNotContain("Familiehuset", ended.MainText(), StringComparison.Ordinal);

        var forged = await invitee.GetPageAsync("/moede/svar/" + new string('A', 120));
        Assert.Equal("Linket virker ikke længere", forged.QuerySelector("h1")!.TextContent);

        // The personal link and the address are keys to a person: they stay out of the logs.
        var token = link["/moede/svar/".Length..];
        Assert.NotEmpty(_factory.Logs.Lines);
        Assert.DoesNotContain(_factory.Logs.Lines, line => line.Contains(token, StringComparison.Ordinal) || line.Contains("ole@ssp.example", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_schedule_form_sent_twice_makes_one_meeting()
    {
        var oskar = await _factory.ChildIdAsync("Oskar Jensen");
        using var caseworker = await LoggedInAsync(DemoLogins.Caseworker);
        var form = (await caseworker.GetPageAsync($"/medarbejder/sager/{oskar}/moeder")).Form("main form");
        var values = new Dictionary<string, string>
        {
            ["Input.Date"] = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.StartTime"] = "09:00",
            ["Input.EndTime"] = "10:00",
            ["Input.Place"] = "Rådhuset",
            ["Input.Purpose"] = "Vi taler om Oskars nye skole.",
        };

        using var first = await caseworker.SubmitAsync(form, values);
        using var second = await caseworker.SubmitAsync(form, values);

        Assert.Equal(first.Location(), second.Location());
        Assert.Equal(1, await _factory.WithDbAsync(db => db.NetworkMeetings.CountAsync(meeting => meeting.ChildId == oskar)));
    }

    [Fact]
    public async Task A_move_that_ends_before_it_starts_is_refused_at_the_end_time_and_nobody_is_told()
    {
        var (emma, meetingId) = await DemoMeetingAsync();
        using var caseworker = await LoggedInAsync(DemoLogins.Caseworker);
        var page = await caseworker.GetPageAsync($"/medarbejder/sager/{emma}/moeder/{meetingId}");
        var moveForm = page.Form("form[action*='handler=Move']");
        Assert.Equal("15:00", ((IHtmlInputElement)moveForm.QuerySelector("input[name='Move.StartTime']")!).Value[..5]);

        using var refused = await caseworker.SubmitAsync(moveForm, new Dictionary<string, string> { ["Move.StartTime"] = "16:00", ["Move.EndTime"] = "15:00" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var again = await Html.ReadAsync(refused);
        Assert.Contains("Mødet skal slutte, efter det er startet.", again.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(again.QuerySelector(".form-group.form-error input[name='Move.EndTime']"));
        Assert.Equal("16:00", ((IHtmlInputElement)again.QuerySelector("input[name='Move.StartTime']")!).Value[..5]);
        await Task.Delay(500);
        Assert.Empty(MailTo("pia.holm@skole.example"));
    }

    [Fact]
    public async Task A_too_long_suggestion_is_refused_with_a_message_and_the_text_is_kept()
    {
        var (emma, meetingId) = await DemoMeetingAsync();
        using var youth = await LoggedInAsync(DemoLogins.Youth);
        var page = await youth.GetPageAsync($"/moeder/{emma}/{meetingId}");
        var why = new string('x', NetworkParticipant.WhyMaxLength + 1);

        using var refused = await youth.SubmitAsync(SuggestForm(page), new Dictionary<string, string> { ["Suggestion.Name"] = "Mormor", ["Suggestion.Why"] = why });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var again = await Html.ReadAsync(refused);
        Assert.Contains("må højst være 500 tegn", again.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(why, ((IHtmlTextAreaElement)again.QuerySelector("textarea[name='Suggestion.Why']")!).Value);
        Assert.Equal(2, await _factory.WithDbAsync(async db => (await db.NetworkMeetings.SingleAsync(item => item.Id == meetingId)).Participants.Count));
    }

    [Fact]
    public async Task A_form_sent_twice_or_after_someone_else_changed_the_meeting_says_so_and_changes_nothing_twice()
    {
        var (emma, meetingId) = await DemoMeetingAsync();
        using var youth = await LoggedInAsync(DemoLogins.Youth);
        var page = await youth.GetPageAsync($"/moeder/{emma}/{meetingId}");
        var values = new Dictionary<string, string> { ["Suggestion.Name"] = "Farfar", ["Suggestion.Relation"] = "farfar" };

        using var first = await youth.SubmitAsync(SuggestForm(page), values);
        using var second = await youth.SubmitAsync(SuggestForm(page), values);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Nogen har ændret mødet", (await Html.ReadAsync(second)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await _factory.WithDbAsync(async db => (await db.NetworkMeetings.SingleAsync(item => item.Id == meetingId)).Participants.Count(person => person.Name == "Farfar")));
    }

    [Fact]
    public async Task A_support_person_under_15_is_refused_and_one_of_15_is_chosen_without_anyones_approval()
    {
        var (emma, meetingId) = await DemoMeetingAsync();
        using var youth = await LoggedInAsync(DemoLogins.Youth);
        var today = Portal.Domain.DanishTime.Today(TimeProvider.System);

        var page = await youth.GetPageAsync($"/moeder/{emma}/{meetingId}");
        using var refused = await youth.SubmitAsync(page.Form("form[action*='handler=Support']"), new Dictionary<string, string>
        {
            ["Support.Name"] = "Lille Ven",
            ["Support.Born"] = today.AddYears(-14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Contains("En bisidder skal være mindst 15 år.", (await Html.ReadAsync(refused)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);

        page = await youth.GetPageAsync($"/moeder/{emma}/{meetingId}");
        using var chosen = await youth.SubmitAsync(page.Form("form[action*='handler=Support']"), new Dictionary<string, string>
        {
            ["Support.Name"] = "Sara",
            ["Support.Born"] = today.AddYears(-15).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Support.Email"] = "sara@example.dk",
        });
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal(ParticipantDecision.Chosen, await DecisionAsync(meetingId, "Sara"));
        await _factory.WaitForMailAsync("sara@example.dk");
    }

    [Fact]
    public async Task The_calendar_file_and_the_secret_feed_hold_the_meeting_and_a_renewed_or_turned_off_feed_stops_working()
    {
        var (emma, meetingId) = await DemoMeetingAsync();
        using var youth = await LoggedInAsync(DemoLogins.Youth);

        using (var file = await youth.GetAsync(new Uri($"/moeder/{emma}/{meetingId}/kalender", UriKind.Relative)))
        {
            Assert.Equal("text/calendar", file.Content.Headers.ContentType!.MediaType);
            var downloaded = Ical.Net.Calendar.Load(await file.Content.ReadAsStringAsync())!;
            Assert.Equal("Netværksmøde med Emma", downloaded.Events.Single().Summary);
        }

        var calendarPage = await youth.GetPageAsync("/kalender");
        using var created = await youth.SubmitAsync(calendarPage.Form());
        var made = await Html.ReadAsync(created);
        var address = made.QuerySelector("#feed-address")!.TextContent;
        var feedPath = new Uri(address).PathAndQuery;

        // One tap on a phone (webcal:), the whole address readable, and a copy button that the script shows.
        Assert.Equal("webcal://localhost" + feedPath, made.QuerySelector("main a[href^='webcal:']")?.GetAttribute("href"));
        Assert.Equal("textarea", made.QuerySelector("#feed-address")!.LocalName);
        Assert.True(made.QuerySelector("[data-copy-area]")!.HasAttribute("hidden"));
        Assert.NotNull(made.QuerySelector("script[src*='/js/copy']"));

        using var calendarApp = _factory.CreateClient();
        var feed = Ical.Net.Calendar.Load(await calendarApp.GetStringAsync(new Uri(feedPath, UriKind.Relative)))!;
        Assert.Equal($"{meetingId:N}@familieportalen", Assert.Single(feed.Events).Uid);

        // Someone else's feed does not hold Emma's meeting.
        await _factory.CreateUserAsync("fremmed@example.dk", "Fremmed Forælder", Roles.Parent);
        using var stranger = await LoggedInAsync("fremmed@example.dk");
        using var strangerCreated = await stranger.SubmitAsync((await stranger.GetPageAsync("/kalender")).Form());
        var strangerPath = new Uri((await Html.ReadAsync(strangerCreated)).QuerySelector("#feed-address")!.TextContent).PathAndQuery;
        Assert.Empty(Ical.Net.Calendar.Load(await calendarApp.GetStringAsync(new Uri(strangerPath, UriKind.Relative)))!.Events);

        calendarPage = await youth.GetPageAsync("/kalender");
        using var renewed = await youth.SubmitAsync(calendarPage.Form());
        using (var old = await calendarApp.GetAsync(new Uri(feedPath, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        }

        Assert.DoesNotContain(_factory.Logs.Lines, line => line.Contains(feedPath["/kalender/feed/".Length..], StringComparison.Ordinal));
        var renewedPath = new Uri((await Html.ReadAsync(renewed)).QuerySelector("#feed-address")!.TextContent).PathAndQuery;
        calendarPage = await youth.GetPageAsync("/kalender");
        using var turnedOff = await youth.SubmitAsync(calendarPage.Form("form[action*='handler=TurnOff']"));
        using (var off = await calendarApp.GetAsync(new Uri(renewedPath, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, off.StatusCode);
        }
    }

    public void Dispose() => _factory.Dispose();

    private async Task<HttpClient> LoggedInAsync(string email)
    {
        var client = _factory.CreateClient();
        await client.LogInAsync(email);
        return client;
    }

    /// <summary>The young person puts her football coach on the list, with her reason.</summary>
    private static async Task SuggestJonasAsync(HttpClient youth, Guid emma, Guid meetingId)
    {
        var page = await youth.GetPageAsync($"/moeder/{emma}/{meetingId}");
        using var suggested = await youth.SubmitAsync(SuggestForm(page), new Dictionary<string, string> { ["Suggestion.Name"] = "Jonas", ["Suggestion.Relation"] = "fodboldtræner", ["Suggestion.Why"] = "Jonas forstår mig." });
        Assert.Equal(HttpStatusCode.Redirect, suggested.StatusCode);
    }

    private async Task<(Guid Emma, Guid MeetingId)> DemoMeetingAsync()
    {
        var emma = await _factory.ChildIdAsync("Emma Jensen");
        var meetingId = await _factory.WithDbAsync(db => db.NetworkMeetings.Where(meeting => meeting.ChildId == emma).Select(meeting => meeting.Id).SingleAsync());
        return (emma, meetingId);
    }

    private Task<Guid> ParticipantIdAsync(Guid meetingId, string name) =>
        _factory.WithDbAsync(async db => (await db.NetworkMeetings.AsNoTracking().SingleAsync(item => item.Id == meetingId)).Participants.Single(person => person.Name == name).Id);

    private Task<ParticipantDecision> DecisionAsync(Guid meetingId, string name) =>
        _factory.WithDbAsync(async db => (await db.NetworkMeetings.AsNoTracking().SingleAsync(item => item.Id == meetingId)).Participants.Single(person => person.Name == name).Decision);

    private IReadOnlyList<string> MailTo(string address) =>
        Directory.Exists(_factory.MailFolder)
            ? [.. Directory.EnumerateFiles(_factory.MailFolder, "*.eml").Where(file => MimeMessage.Load(file).To.Mailboxes.Any(mailbox => mailbox.Address == address))]
            : [];

    private static IHtmlFormElement SuggestForm(IHtmlDocument page) => page.Form("form[action*='handler=Suggest']");

    private static AngleSharp.Dom.IElement Card(IHtmlDocument page, string name) =>
        page.QuerySelectorAll("main .card").Single(card => card.QuerySelector(".card-heading")?.TextContent == name);

    /// <summary>The form around the button with this accessible name, ready to submit as a click would.</summary>
    private static IHtmlFormElement Button(AngleSharp.Dom.IElement scope, string label) =>
        (IHtmlFormElement)scope.QuerySelectorAll("button").Single(button => button.TextContent == label).Closest("form")!;

    internal static string CalendarText(MimeMessage message) =>
        message.BodyParts.OfType<TextPart>().Single(part => part.ContentType.IsMimeType("text", "calendar")).Text;

    [GeneratedRegex(@"/moede/svar/[A-Za-z0-9_\-]+")]
    private static partial Regex AnswerLink();
}
