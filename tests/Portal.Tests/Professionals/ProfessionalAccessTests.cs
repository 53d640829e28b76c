using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Professionals;

/// <summary>
/// The professionals around a child, through the real pages: who may read the plan and when, what they write, and the
/// family seeing every read.
/// </summary>
public sealed class ProfessionalAccessTests : IDisposable
{
    private const string HealthVisitorsExchange = "HealthVisitors/InformationExchange";
    private readonly PortalFactory _factory = new();

    [Fact]
    public async Task A_health_visitor_reads_the_plan_only_while_both_parents_consent_and_the_family_sees_each_read()
    {
        var oskar = await _factory.ChildIdAsync("Oskar Jensen");
        using var visitor = await LoggedInAsync(DemoLogins.HealthVisitor);

        // Added to the case, but no consent yet: she sees that Oskar is hers, not his plan, and nothing is logged.
        var start = await visitor.GetPageAsync("/fagperson");
        Assert.Contains("Oskar Jensen", start.MainText(), StringComparison.Ordinal);
        Assert.Contains("Du kan ikke se planen lige nu.", start.MainText(), StringComparison.Ordinal);
        await AssertRefusedAsync(visitor, oskar);
        using var mother = await LoggedInAsync(DemoLogins.Parent);
        using var father = await LoggedInAsync(DemoLogins.OtherParent);

        // One parent's yes is not enough under joint custody.
        await DecideAsync(mother, oskar, "giv");
        await AssertRefusedAsync(visitor, oskar);

        await DecideAsync(father, oskar, "giv");
        var plan = await visitor.GetPageAsync($"/fagperson/plan/{oskar}");
        Assert.Contains("Oskar falder godt til i 2. klasse.", plan.MainText(), StringComparison.Ordinal);
        Assert.Equal(1, await ReadsAsync(oskar));

        var seen = await mother.GetPageAsync($"/plan/{oskar}/hvem-har-set");
        Assert.Equal("Hvem har set planen", seen.QuerySelector("h1")?.TextContent);
        Assert.Contains("Birgit Dahl, Sundhedsplejen", seen.MainText(), StringComparison.Ordinal);

        // The father takes his yes back: her next request finds the plan closed, and her open form saves nothing.
        var form = await visitor.GetPageAsync($"/fagperson/plan/{oskar}/evaluering");
        await DecideAsync(father, oskar, "traek-tilbage");
        await AssertRefusedAsync(visitor, oskar);
        using var late = await visitor.SubmitAsync(form.Form(), new Dictionary<string, string>
        {
            ["Input.WhatHappened"] = "Skrevet efter samtykket sluttede",
            ["Input.WhatNext"] = "Intet",
        });
        Assert.Equal($"/fagperson/plan/{oskar}", late.Location());
        Assert.DoesNotContain("Skrevet efter samtykket sluttede", (await mother.GetPageAsync($"/plan/{oskar}")).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_teacher_writes_an_evaluation_and_an_intervention_that_the_family_reads_with_her_name_and_service()
    {
        var emma = await _factory.ChildIdAsync("Emma Jensen");
        using var teacher = await LoggedInAsync(DemoLogins.Teacher);
        var plan = await teacher.GetPageAsync($"/fagperson/plan/{emma}");

        var form = await teacher.GetPageAsync(plan.QuerySelectorAll("main a").Single(link => link.TextContent == "Skriv en evaluering").GetAttribute("href")!);
        using var tooLong = await teacher.SubmitAsync(form.Form(), new Dictionary<string, string>
        {
            ["Input.WhatHappened"] = new string('a', 2001),
            ["Input.WhatNext"] = "Vi fortsætter",
        });
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        var refused = await Html.ReadAsync(tooLong);
        Assert.Contains("må højst være 2000 tegn", refused.MainText(), StringComparison.Ordinal);

        using var saved = await teacher.SubmitAsync(refused.Form(), new Dictionary<string, string>
        {
            ["Input.WhatHappened"] = "Emma har været med i alle timer i denne uge.",
            ["Input.WhatNext"] = "Hun får en fast plads ved vinduet.",
        });
        Assert.Equal($"/fagperson/plan/{emma}", saved.Location());
        var added = await teacher.GetPageAsync($"/fagperson/plan/{emma}/indsats");
        using var intervention = await teacher.SubmitAsync(added.Form(), new Dictionary<string, string> { ["Input.What"] = "Lektiecafé tirsdag og torsdag" });
        Assert.Equal(HttpStatusCode.Redirect, intervention.StatusCode);

        using var own = await LoggedInAsync(DemoLogins.Youth);
        var text = (await own.GetPageAsync($"/plan/{emma}")).MainText();
        Assert.Contains("Emma har været med i alle timer i denne uge.", text, StringComparison.Ordinal);
        Assert.Contains("Lektiecafé tirsdag og torsdag", text, StringComparison.Ordinal);
        Assert.Contains("Skrevet af Pia Holm, skolen", text, StringComparison.Ordinal);

        // The caseworker's own evaluation, written before, is still there, under the earlier ones.
        Assert.Contains("Emma er kommet i skole fire ud af fem dage.", text, StringComparison.Ordinal);
        Assert.Contains("Pia Holm, skolen", (await own.GetPageAsync($"/plan/{emma}/hvem-har-set")).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_teacher_ends_her_own_intervention_saying_who_takes_over_but_never_the_caseworker_s()
    {
        var emma = await _factory.ChildIdAsync("Emma Jensen");
        using var teacher = await LoggedInAsync(DemoLogins.Teacher);
        var added = await teacher.GetPageAsync($"/fagperson/plan/{emma}/indsats");
        using var saved = await teacher.SubmitAsync(added.Form(), new Dictionary<string, string> { ["Input.What"] = "Lektiecafé om torsdagen" });
        var plan = await teacher.GetPageAsync($"/fagperson/plan/{emma}");
        var mine = plan.QuerySelector("section[aria-labelledby=mine-heading]")!;
        Assert.Contains("Lektiecafé om torsdagen", mine.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Samtaler om skole og trivsel", mine.TextContent, StringComparison.Ordinal);

        var end = await teacher.GetPageAsync(mine.QuerySelector("a")!.GetAttribute("href")!);
        using var nobody = await teacher.SubmitAsync(end.Form(), new Dictionary<string, string> { ["Input.Handover"] = "OtherProfessional", ["Input.TakenOverBy"] = string.Empty });
        Assert.Equal(HttpStatusCode.OK, nobody.StatusCode);
        using var ended = await teacher.SubmitAsync(end.Form(), new Dictionary<string, string> { ["Input.Handover"] = "OtherProfessional", ["Input.TakenOverBy"] = "Klubben på Nordskolen" });
        Assert.Equal($"/fagperson/plan/{emma}", ended.Location());

        using var own = await LoggedInAsync(DemoLogins.Youth);
        Assert.Contains("Klubben på Nordskolen", (await own.GetPageAsync($"/plan/{emma}")).MainText(), StringComparison.Ordinal);

        // The caseworker's intervention is not hers: its page is not found, and a forged post changes nothing.
        var theirs = await _factory.WithDbAsync(async db => (await db.Plans.SingleAsync(item => item.ChildId == emma)).Interventions.Single(item => item.Who == "PPR").Id);
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(teacher, $"/fagperson/plan/{emma}/indsats/{theirs}/afslut"));
        var forged = end.Form();
        forged.SetAttribute("action", $"/fagperson/plan/{emma}/indsats/{theirs}/afslut");
        using var refused = await teacher.SubmitAsync(forged, new Dictionary<string, string> { ["Input.Handover"] = "OtherProfessional", ["Input.TakenOverBy"] = "Ingen" });
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.True(await _factory.WithDbAsync(async db => (await db.Plans.SingleAsync(item => item.ChildId == emma)).Interventions.Single(item => item.Id == theirs).IsActive));
    }

    [Fact]
    public async Task The_same_form_sent_twice_writes_once_and_the_second_keeps_the_text_with_a_word_on_why()
    {
        var emma = await _factory.ChildIdAsync("Emma Jensen");
        using var teacher = await LoggedInAsync(DemoLogins.Teacher);
        var form = (await teacher.GetPageAsync($"/fagperson/plan/{emma}/evaluering")).Form();
        var values = new Dictionary<string, string> { ["Input.WhatHappened"] = "Sendt to gange ved en fejl", ["Input.WhatNext"] = "Intet" };

        using var first = await teacher.SubmitAsync(form, values);
        using var second = await teacher.SubmitAsync(form, values);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var again = await Html.ReadAsync(second);
        Assert.Contains("En anden har gemt planen, mens du skrev.", again.MainText(), StringComparison.Ordinal);
        Assert.Equal("Sendt to gange ved en fejl", again.QuerySelector("textarea[name='Input.WhatHappened']")?.TextContent);
        Assert.Equal(1, await _factory.WithDbAsync(async db => (await db.Plans.SingleAsync(item => item.ChildId == emma)).Evaluations.Count(item => item.WhatHappened == "Sendt to gange ved en fejl")));

        // Ending her intervention twice: the second send says it is already done.
        var added = await teacher.GetPageAsync($"/fagperson/plan/{emma}/indsats");
        using var saved = await teacher.SubmitAsync(added.Form(), new Dictionary<string, string> { ["Input.What"] = "Læsegruppe" });
        var end = await teacher.GetPageAsync((await teacher.GetPageAsync($"/fagperson/plan/{emma}")).QuerySelector("section[aria-labelledby=mine-heading] a")!.GetAttribute("href")!);
        var ending = new Dictionary<string, string> { ["Input.Handover"] = "NoLongerNeededAgreedWithFamily" };
        using var ended = await teacher.SubmitAsync(end.Form(), ending);
        using var twice = await teacher.SubmitAsync(end.Form(), ending);
        Assert.Equal($"/fagperson/plan/{emma}", twice.Location());
        Assert.Contains("Det blev ikke gemt, fordi det samme lige er sket", (await teacher.GetPageAsync(twice.Location())).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nobody_reaches_a_plan_through_the_wrong_door()
    {
        var emma = await _factory.ChildIdAsync("Emma Jensen");
        var oskar = await _factory.ChildIdAsync("Oskar Jensen");
        using var teacher = await LoggedInAsync(DemoLogins.Teacher);
        using var youth = await LoggedInAsync(DemoLogins.Youth);
        using var mother = await LoggedInAsync(DemoLogins.Parent);

        // A child the teacher is not on: not found, as any unknown id; and not through the family's door either.
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(teacher, $"/fagperson/plan/{oskar}"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(teacher, $"/fagperson/plan/{oskar}/evaluering"));
        await AssertDeniedAsync(teacher, $"/plan/{emma}");
        await AssertDeniedAsync(teacher, $"/plan/{emma}/hvem-har-set");
        await AssertDeniedAsync(teacher, $"/medarbejder/sager/{emma}");

        // The family has no professional's door, and a young person sees only who read their own plan.
        await AssertDeniedAsync(mother, "/fagperson");
        await AssertDeniedAsync(mother, $"/fagperson/plan/{oskar}");
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(youth, $"/plan/{oskar}/hvem-har-set"));
        Assert.Equal(0, await ReadsAsync(oskar));
    }

    [Fact]
    public async Task The_caseworker_adds_a_teacher_with_the_basis_for_sharing_and_taking_her_off_ends_her_access()
    {
        var oskar = await _factory.ChildIdAsync("Oskar Jensen");
        using var caseworker = await LoggedInAsync(DemoLogins.Caseworker);
        using var teacher = await LoggedInAsync(DemoLogins.Teacher);
        var page = await caseworker.GetPageAsync($"/medarbejder/sager/{oskar}/fagpersoner");
        Assert.Contains("Birgit Dahl", page.MainText(), StringComparison.Ordinal);
        Assert.Contains("Familien har ikke sagt ja til at dele oplysninger.", page.MainText(), StringComparison.Ordinal);
        var teacherId = page.QuerySelectorAll("select option").Single(option => option.TextContent.StartsWith("Pia Holm", StringComparison.Ordinal)).GetAttribute("value")!;

        // Nobody chosen, then a school without a basis: each a clear word at its field, and nothing added.
        using var nobody = await caseworker.SubmitAsync(page.Form("form[action*='handler=Add']"), new Dictionary<string, string> { ["Input.UserId"] = string.Empty });
        Assert.Contains("Vælg en fagperson.", (await Html.ReadAsync(nobody)).MainText(), StringComparison.Ordinal);
        using var noBasis = await caseworker.SubmitAsync(page.Form("form[action*='handler=Add']"), new Dictionary<string, string> { ["Input.UserId"] = teacherId });
        Assert.Equal(HttpStatusCode.OK, noBasis.StatusCode);
        Assert.Contains("Skriv, hvad der giver lov til at dele planen", (await Html.ReadAsync(noBasis)).MainText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(teacher, $"/fagperson/plan/{oskar}"));

        using var added = await caseworker.SubmitAsync(page.Form("form[action*='handler=Add']"), new Dictionary<string, string>
        {
            ["Input.UserId"] = teacherId,
            ["Input.LegalBasis"] = "Forældrenes skriftlige samtykke af 1. december 2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("Oskar falder godt til i 2. klasse.", (await teacher.GetPageAsync($"/fagperson/plan/{oskar}")).MainText(), StringComparison.Ordinal);

        var after = await caseworker.GetPageAsync($"/medarbejder/sager/{oskar}/fagpersoner");
        using var removed = await caseworker.SubmitAsync(after.Form($"form[action*='userId={teacherId}']"));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(teacher, $"/fagperson/plan/{oskar}"));
    }

    [Fact]
    public async Task The_caseworker_opening_the_case_or_a_plan_page_is_in_the_read_log_which_cannot_be_rewritten()
    {
        var emma = await _factory.ChildIdAsync("Emma Jensen");
        using var caseworker = await LoggedInAsync(DemoLogins.Caseworker);
        await caseworker.GetPageAsync($"/medarbejder/sager/{emma}");
        Assert.Equal(1, await ReadsAsync(emma));

        // Every page of hers that shows the plan counts, not only the case page.
        await caseworker.GetPageAsync($"/medarbejder/sager/{emma}/plan/maal");
        await caseworker.GetPageAsync($"/medarbejder/sager/{emma}/historik");
        Assert.Equal(3, await ReadsAsync(emma));

        using var own = await LoggedInAsync(DemoLogins.Youth);
        Assert.Contains("Lars Holm, sagsbehandler", (await own.GetPageAsync($"/plan/{emma}/hvem-har-set")).MainText(), StringComparison.Ordinal);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => _factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"PlanReads\" SET \"ReaderName\" = 'Ingen'")));
        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<Exception>(() => _factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"PlanReads\"")));
    }

    public void Dispose() => _factory.Dispose();

    private static async Task DecideAsync(HttpClient parent, Guid childId, string action)
    {
        var page = await parent.GetPageAsync($"/samtykke/{childId}/{HealthVisitorsExchange}/{action}");
        using var done = await parent.SubmitAsync(page.Form());
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
    }

    private async Task AssertRefusedAsync(HttpClient professional, Guid childId)
    {
        var before = await ReadsAsync(childId);
        using var response = await professional.GetAsync(new Uri($"/fagperson/plan/{childId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Contains("Det kræver, at familien har sagt ja", page.MainText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Oskar falder godt til", page.MainText(), StringComparison.Ordinal);
        Assert.Equal(before, await ReadsAsync(childId));
    }

    private static async Task AssertDeniedAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/AccessDenied", response.Location(), StringComparison.Ordinal);
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return response.StatusCode;
    }

    private Task<int> ReadsAsync(Guid childId) => _factory.WithDbAsync(db => db.PlanReads.CountAsync(read => read.ChildId == childId));

    private async Task<HttpClient> LoggedInAsync(string email)
    {
        var client = _factory.CreateClient();
        await client.LogInAsync(email);
        return client;
    }
}
