using System.Net;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Staff;

public sealed class PlanEditingTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    [Fact]
    public async Task A_goal_the_caseworker_adds_shows_on_the_family_s_plan_and_in_its_history()
    {
        var emma = await _factory.ChildIdAsync("Emma Jensen");
        using var caseworker = _factory.CreateClient();
        await caseworker.LogInAsync(DemoLogins.Caseworker);

        var goals = await caseworker.GetPageAsync($"/medarbejder/sager/{emma}/plan/maal");
        using var saved = await caseworker.SubmitAsync(goals.Form("main form[action*='handler=Add']"), new Dictionary<string, string> { ["Input.Text"] = "Emma har en fritidsaktivitet, hun glæder sig til." });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using var youth = _factory.CreateClient();
        await youth.LogInAsync(DemoLogins.Youth);
        var plan = await youth.GetPageAsync($"/plan/{emma}");
        Assert.Contains("Emma har en fritidsaktivitet, hun glæder sig til.", plan.MainText(), StringComparison.Ordinal);
        var history = await youth.GetPageAsync($"/plan/{emma}/historik");
        Assert.Contains("Lars Holm (sagsbehandler) tilføjede et mål:", history.QuerySelector("main ol li")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caseworker_rewords_a_goal_and_the_old_words_stay_in_the_history()
    {
        var oskar = await _factory.ChildIdAsync("Oskar Jensen");
        using var caseworker = _factory.CreateClient();
        await caseworker.LogInAsync(DemoLogins.Caseworker);
        var goals = await caseworker.GetPageAsync($"/medarbejder/sager/{oskar}/plan/maal");
        var link = goals.QuerySelectorAll("main a").First(anchor => anchor.TextContent == "Ret ordlyden").GetAttribute("href")!;

        var edit = await caseworker.GetPageAsync(link);
        Assert.Equal("Oskar falder godt til i 2. klasse.", edit.QuerySelector("textarea[name='Input.Text']")?.TextContent);
        using var saved = await caseworker.SubmitAsync(edit.Form(), new Dictionary<string, string> { ["Input.Text"] = "Oskar har det godt i 2. klasse og har en god ven." });
        Assert.Equal($"/medarbejder/sager/{oskar}/plan/maal", saved.Location());

        using var parent = _factory.CreateClient();
        await parent.LogInAsync(DemoLogins.Parent);
        Assert.Contains("Oskar har det godt i 2. klasse og har en god ven.", (await parent.GetPageAsync($"/plan/{oskar}")).MainText(), StringComparison.Ordinal);
        var history = (await parent.GetPageAsync($"/plan/{oskar}/historik")).MainText();
        Assert.Contains("Lars Holm (sagsbehandler) ændrede et mål:", history, StringComparison.Ordinal);
        Assert.Contains("Oskar falder godt til i 2. klasse.", history, StringComparison.Ordinal);

        using var unknown = await caseworker.GetAsync(new Uri($"/medarbejder/sager/{oskar}/plan/maal/{Guid.NewGuid()}/ret", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Adding_a_caseworker_with_nobody_chosen_says_so_at_the_field_and_a_case_with_everyone_on_it_offers_nobody()
    {
        var emma = await _factory.ChildIdAsync("Emma Jensen");
        using var admin = _factory.CreateClient();
        await admin.LogInAsync(DemoData.Users[5].Email);
        var assign = await admin.GetPageAsync("/medarbejder/admin/sager");

        // Lars is the only caseworker and is on every case: nobody is offered, and an empty post is answered at the field.
        Assert.Empty(assign.QuerySelectorAll("main form[action*='handler=Assign']"));
        Assert.Contains("Alle sagsbehandlere er på sagen.", assign.MainText(), StringComparison.Ordinal);
        var forged = assign.Form("main form[action*='handler=Unassign']");
        forged.Action = $"/medarbejder/admin/sager?handler=Assign&childId={emma}";
        using var empty = await admin.SubmitAsync(forged);

        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var page = await Html.ReadAsync(empty);
        Assert.Contains("Vælg en sagsbehandler.", page.QuerySelector("#error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal($"#assign-{emma}", page.QuerySelector("#error-summary a")?.GetAttribute("href"));
        Assert.Equal("Alle sagsbehandlere er på sagen.", page.QuerySelector($"#assign-{emma}")?.TextContent);
    }

    [Fact]
    public async Task Two_caseworkers_saving_at_once_the_second_is_told_and_keeps_their_text()
    {
        var emma = await _factory.ChildIdAsync("Emma Jensen");
        await _factory.CreateUserAsync("pia@demo.familieportalen.dk", "Pia Berg", Roles.Caseworker);
        using var admin = _factory.CreateClient();
        await admin.LogInAsync(DemoData.Users[5].Email);
        var assign = await admin.GetPageAsync("/medarbejder/admin/sager");
        using var assigned = await admin.SubmitAsync(assign.Form($"main form[action*='handler=Assign'][action*='{emma}']"));
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);

        using var lars = _factory.CreateClient();
        using var pia = _factory.CreateClient();
        await lars.LogInAsync(DemoLogins.Caseworker);
        await pia.LogInAsync("pia@demo.familieportalen.dk");
        var larsForm = (await lars.GetPageAsync($"/medarbejder/sager/{emma}/plan/overblik")).Form();
        var piaForm = (await pia.GetPageAsync($"/medarbejder/sager/{emma}/plan/overblik")).Form();

        using var first = await lars.SubmitAsync(larsForm, new Dictionary<string, string> { ["Input.WhatMatters"] = "Lars' tekst om det vigtigste" });
        using var second = await pia.SubmitAsync(piaForm, new Dictionary<string, string> { ["Input.WhatMatters"] = "Pias tekst om det vigtigste" });

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var page = await Html.ReadAsync(second);
        Assert.Contains("En anden har gemt planen, mens du skrev.", page.QuerySelector("#error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Pias tekst om det vigtigste", page.QuerySelector("textarea[name='Input.WhatMatters']")?.TextContent);
        Assert.Equal("Lars' tekst om det vigtigste", await _factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Plans.Where(plan => plan.ChildId == emma).Select(plan => plan.WhatMatters))));

        // Having seen Lars' version, Pia saves again and it goes through.
        using var retry = await pia.SubmitAsync(page.Form(), new Dictionary<string, string> { ["Input.WhatMatters"] = "Pias tekst om det vigtigste" });
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
    }

    [Fact]
    public async Task An_evaluation_dated_in_the_future_is_refused_at_the_date_keeps_the_text_and_saves_nothing()
    {
        var emma = await _factory.ChildIdAsync("Emma Jensen");
        using var caseworker = _factory.CreateClient();
        await caseworker.LogInAsync(DemoLogins.Caseworker);
        var before = await _factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.Include(db.Plans, plan => plan.Changes).Where(plan => plan.ChildId == emma)));
        var form = (await caseworker.GetPageAsync($"/medarbejder/sager/{emma}/plan/evalueringer")).Form();
        var typed = new Dictionary<string, string> { ["Input.Date"] = "2099-01-01", ["Input.WhatHappened"] = "Emma kom i skole fire dage om ugen.", ["Input.WhatNext"] = "Vi ses igen om en måned." };

        using var refused = await caseworker.SubmitAsync(form, typed);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Html.ReadAsync(refused);
        Assert.Contains("Evalueringen kan ikke have en dato i fremtiden.", page.QuerySelector("#error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("form-error", page.QuerySelector("input[name='Input.Date']")?.ParentElement?.ClassName, StringComparison.Ordinal);
        Assert.Equal("Emma kom i skole fire dage om ugen.", page.QuerySelector("textarea[name='Input.WhatHappened']")?.TextContent);
        var after = await _factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.Include(db.Plans, plan => plan.Changes).Where(plan => plan.ChildId == emma)));
        Assert.Equal((before.Evaluations.Count, before.Changes.Count, before.ConcurrencyStamp), (after.Evaluations.Count, after.Changes.Count, after.ConcurrencyStamp));

        // With the date put right, the same form is saved.
        typed["Input.Date"] = Portal.Domain.DanishTime.Today(TimeProvider.System).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var saved = await caseworker.SubmitAsync(page.Form(), typed);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    [Fact]
    public async Task Ending_an_intervention_needs_someone_to_take_over_and_the_family_sees_who()
    {
        var emma = await _factory.ChildIdAsync("Emma Jensen");
        using var caseworker = _factory.CreateClient();
        await caseworker.LogInAsync(DemoLogins.Caseworker);
        var list = await caseworker.GetPageAsync($"/medarbejder/sager/{emma}/plan/indsatser");
        var endLink = list.QuerySelectorAll("main a").First(anchor => anchor.TextContent == "Afslut indsatsen").GetAttribute("href")!;

        var end = await caseworker.GetPageAsync(endLink);
        using var refused = await caseworker.SubmitAsync(end.Form(), new Dictionary<string, string> { ["Input.Handover"] = "OtherProfessional", ["Input.TakenOverBy"] = string.Empty });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Vi slipper ikke familien, før en anden har taget over.", (await Html.ReadAsync(refused)).QuerySelector("#error-summary")?.TextContent, StringComparison.Ordinal);

        using var ended = await caseworker.SubmitAsync(end.Form(), new Dictionary<string, string> { ["Input.Handover"] = "OtherProfessional", ["Input.TakenOverBy"] = "AKT-læreren på Nordskolen" });
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);

        using var parent = _factory.CreateClient();
        await parent.LogInAsync(DemoLogins.Parent);
        var plan = await parent.GetPageAsync($"/plan/{emma}");
        Assert.Contains("En anden fagperson tager over: AKT-læreren på Nordskolen", plan.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caseworker_sees_only_the_cases_assigned_to_them()
    {
        var emma = await _factory.ChildIdAsync("Emma Jensen");
        await _factory.CreateUserAsync("ny@demo.familieportalen.dk", "Ny Sagsbehandler", Roles.Caseworker);
        using var other = _factory.CreateClient();
        await other.LogInAsync("ny@demo.familieportalen.dk");

        var list = await other.GetPageAsync("/medarbejder/sager");
        Assert.DoesNotContain("Emma", list.MainText(), StringComparison.Ordinal);
        foreach (var url in new[] { "", "/historik", "/plan/overblik", "/plan/maal", "/plan/indsatser", "/plan/evalueringer", "/plan/overgange" })
        {
            using var response = await other.GetAsync(new Uri($"/medarbejder/sager/{emma}{url}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        // Posting to a foreign case with a real form from one's own page changes nothing.
        using var lars = _factory.CreateClient();
        await lars.LogInAsync(DemoLogins.Caseworker);
        var larsGoals = await lars.GetPageAsync($"/medarbejder/sager/{emma}/plan/maal");
        var form = larsGoals.Form("main form[action*='handler=Add']");
        var before = (await _factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Plans.Where(plan => plan.ChildId == emma)))).Goals.Count;
        var otherPage = await other.GetPageAsync("/medarbejder/sager");
        var token = otherPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Text"] = "Indsmuglet mål", ["Input.ConcurrencyStamp"] = "x" });
        using var forged = await other.PostAsync(new Uri($"/medarbejder/sager/{emma}/plan/maal?handler=Add", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(before, (await _factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Plans.Where(plan => plan.ChildId == emma)))).Goals.Count);
        Assert.NotNull(form);
    }

    [Theory]
    [InlineData("/medarbejder/sager")]
    [InlineData("/medarbejder/sager/ny")]
    [InlineData("/medarbejder/admin/sager")]
    public async Task Families_and_counsellors_cannot_open_staff_pages(string url)
    {
        foreach (var email in new[] { DemoLogins.Parent, DemoLogins.Youth, DemoData.Users[4].Email })
        {
            using var client = _factory.CreateClient();
            await client.LogInAsync(email);

            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

            Assert.StartsWith("/Identity/Account/AccessDenied", response.Location(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_caseworker_cannot_open_the_admin_page_and_admin_sees_no_plans()
    {
        var emma = await _factory.ChildIdAsync("Emma Jensen");
        using var caseworker = _factory.CreateClient();
        await caseworker.LogInAsync(DemoLogins.Caseworker);
        using var admin = _factory.CreateClient();
        await admin.LogInAsync(DemoData.Users[5].Email);

        using var adminPage = await caseworker.GetAsync(new Uri("/medarbejder/admin/sager", UriKind.Relative));
        using var adminCase = await admin.GetAsync(new Uri($"/medarbejder/sager/{emma}", UriKind.Relative));
        var adminList = await admin.GetPageAsync("/medarbejder/admin/sager");

        Assert.StartsWith("/Identity/Account/AccessDenied", adminPage.Location(), StringComparison.Ordinal);
        Assert.StartsWith("/Identity/Account/AccessDenied", adminCase.Location(), StringComparison.Ordinal);
        Assert.Contains("Emma Jensen", adminList.MainText(), StringComparison.Ordinal);
        Assert.DoesNotContain("skole", adminList.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_ids_on_staff_handlers_get_404()
    {
        var emma = await _factory.ChildIdAsync("Emma Jensen");
        using var caseworker = _factory.CreateClient();
        await caseworker.LogInAsync(DemoLogins.Caseworker);
        var casePage = await caseworker.GetPageAsync($"/medarbejder/sager/{emma}");
        var token = casePage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        foreach (var url in new[]
        {
            $"/medarbejder/sager/{emma}?handler=SendAgain&invitationId={Guid.NewGuid()}",
            $"/medarbejder/sager/{emma}?handler=Revoke&invitationId={Guid.NewGuid()}",
            $"/medarbejder/sager/{emma}/plan/maal?handler=Reach&goalId={Guid.NewGuid()}",
            $"/medarbejder/sager/{emma}/plan/indsatser/{Guid.NewGuid()}/afslut",
        })
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.ConcurrencyStamp"] = "x", ["Input.Handover"] = "FamilyNetwork", ["Input.TakenOverBy"] = "Mormor", ["Input.EndedOn"] = "2026-01-01" });
            using var response = await caseworker.PostAsync(new Uri(url, UriKind.Relative), content);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {response.StatusCode}");
        }
    }

    public void Dispose()
    {
        _factory.Dispose();
        _factory.DeleteDataFolder();
    }
}
