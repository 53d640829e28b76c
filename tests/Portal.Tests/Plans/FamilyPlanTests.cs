using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Plans;

public sealed class FamilyPlanTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    [Fact]
    public async Task A_parent_opens_a_child_s_plan_from_the_start_page_and_reads_it_in_plain_Danish()
    {
        using var client = _factory.CreateClient();
        await client.LogInAsync(DemoLogins.Parent);

        var home = await client.GetPageAsync("/");
        var link = home.QuerySelectorAll("main a").Single(anchor => anchor.TextContent == "Se Emma Jensens plan").GetAttribute("href")!;
        var plan = await client.GetPageAsync(link);

        Assert.Equal("Emma Jensens plan", plan.QuerySelector("h1")?.TextContent);
        var text = plan.MainText();
        Assert.Contains("Det arbejder vi hen imod", text, StringComparison.Ordinal);
        Assert.Contains("Emma kommer i skole hver dag og har det godt i timerne.", text, StringComparison.Ordinal);
        Assert.Contains("Samtaler om skole og trivsel hver anden uge", text, StringComparison.Ordinal);
        Assert.Contains("Hvem: PPR", text, StringComparison.Ordinal);
        Assert.Contains("Emma er kommet i skole fire ud af fem dage.", text, StringComparison.Ordinal);
        Assert.Contains("Familiehuset, Skolegade 4", text, StringComparison.Ordinal);
        Assert.Contains("Vi prøver planen af", text, StringComparison.Ordinal);
        Assert.Contains("Lars Holm", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_plan_shows_one_list_of_the_meetings_ahead_in_date_order_each_saying_what_it_is()
    {
        using var client = _factory.CreateClient();
        await client.LogInAsync(DemoLogins.Parent);
        var home = await client.GetPageAsync("/");
        var plan = await client.GetPageAsync(home.QuerySelectorAll("main a").Single(anchor => anchor.TextContent == "Se Emma Jensens plan").GetAttribute("href")!);

        // Emma's plan meeting is in two weeks, her network meeting in three: one list, the nearest first, and no second
        // "next meeting" further down.
        var list = plan.QuerySelector("section[aria-labelledby=coming-meetings-heading]")!;
        Assert.Equal("Jeres næste møder", list.QuerySelector("h2")?.TextContent);
        Assert.Equal(["Møde om planen", "Netværksmøde"], list.QuerySelectorAll("h3").Select(heading => heading.TextContent));
        Assert.Contains("I og sagsbehandleren taler om, hvordan det går", list.TextContent, StringComparison.Ordinal);
        Assert.NotNull(list.QuerySelector("a[href^='/moeder/']"));
        Assert.DoesNotContain(plan.QuerySelectorAll("main h2"), heading => heading.TextContent.StartsWith("Næste", StringComparison.Ordinal));

        // Emma reads it as hers.
        using var emma = _factory.CreateClient();
        await emma.LogInAsync(DemoLogins.Youth);
        var own = await emma.GetPageAsync((await emma.GetPageAsync("/")).QuerySelectorAll("main a").First(anchor => anchor.GetAttribute("href")?.StartsWith("/plan/", StringComparison.Ordinal) == true).GetAttribute("href")!);
        Assert.Equal("Dine næste møder", own.QuerySelector("#coming-meetings-heading")?.TextContent);
        Assert.Contains("Vælg hvem der skal med", own.QuerySelector("section[aria-labelledby=coming-meetings-heading]")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coming_school_change_shows_who_will_be_there_for_the_child()
    {
        using var client = _factory.CreateClient();
        await client.LogInAsync(DemoLogins.OtherParent);

        var plan = await client.GetPageAsync($"/plan/{await _factory.ChildIdAsync("Oskar Jensen")}");

        Assert.Contains("Ny skole", plan.MainText(), StringComparison.Ordinal);
        Assert.Contains("Der for barnet: Klasselærer Pia Holm tager imod Oskar den første dag.", plan.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_young_person_reads_their_own_plan_but_never_a_sibling_s()
    {
        using var client = _factory.CreateClient();
        await client.LogInAsync(DemoLogins.Youth);

        var own = await client.GetPageAsync($"/plan/{await _factory.ChildIdAsync("Emma Jensen")}");
        using var sibling = await client.GetAsync(new Uri($"/plan/{await _factory.ChildIdAsync("Oskar Jensen")}", UriKind.Relative));
        using var siblingHistory = await client.GetAsync(new Uri($"/plan/{await _factory.ChildIdAsync("Oskar Jensen")}/historik", UriKind.Relative));
        using var siblingWords = await client.GetAsync(new Uri($"/plan/{await _factory.ChildIdAsync("Oskar Jensen")}/mine-ord", UriKind.Relative));

        Assert.Equal("Din plan", own.QuerySelector("h1")?.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, sibling.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, siblingHistory.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, siblingWords.StatusCode);
    }

    [Theory]
    [InlineData("/plan/{0}")]
    [InlineData("/plan/{0}/historik")]
    [InlineData("/plan/{0}/mine-ord")]
    public async Task An_unknown_child_id_gets_the_same_404_as_a_foreign_one(string url)
    {
        using var client = _factory.CreateClient();
        await client.LogInAsync(DemoLogins.Parent);

        using var response = await client.GetAsync(new Uri(string.Format(System.Globalization.CultureInfo.InvariantCulture, url, Guid.NewGuid()), UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Vi kan ikke finde siden", (await Html.ReadAsync(response)).QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task Staff_and_anonymous_visitors_cannot_open_the_family_pages()
    {
        var emma = await _factory.ChildIdAsync("Emma Jensen");
        using var anonymous = _factory.CreateClient();
        using var counsellorClient = _factory.CreateClient();
        await counsellorClient.LogInAsync(Portal.Data.DemoData.Users[4].Email);

        using var anonymousResponse = await anonymous.GetAsync(new Uri($"/plan/{emma}", UriKind.Relative));
        using var counsellorResponse = await counsellorClient.GetAsync(new Uri($"/plan/{emma}", UriKind.Relative));
        using var counsellorData = await counsellorClient.GetAsync(new Uri("/mine-data", UriKind.Relative));

        Assert.StartsWith("/Identity/Account/Login", anonymousResponse.Location(), StringComparison.Ordinal);
        Assert.StartsWith("/Identity/Account/AccessDenied", counsellorResponse.Location(), StringComparison.Ordinal);
        Assert.StartsWith("/Identity/Account/AccessDenied", counsellorData.Location(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parent_adds_a_wish_that_shows_on_the_plan_in_the_history_and_to_the_caseworker()
    {
        var emma = await _factory.ChildIdAsync("Emma Jensen");
        using var client = _factory.CreateClient();
        await client.LogInAsync(DemoLogins.Parent);

        var words = await client.GetPageAsync($"/plan/{emma}/mine-ord");
        using var saved = await client.SubmitAsync(words.Form(), new Dictionary<string, string>
        {
            ["Input.Kind"] = "WishBeforeMeeting",
            ["Input.Text"] = "Jeg ønsker, at mormor er med til mødet & at vi taler om \"fritid\" <3",
        });

        Assert.Equal($"/plan/{emma}", saved.Location());
        var plan = await client.GetPageAsync($"/plan/{emma}");
        Assert.Contains("Tak. Dine ord er gemt på planen.", plan.MainText(), StringComparison.Ordinal);
        Assert.Contains("Jeg ønsker, at mormor er med til mødet & at vi taler om \"fritid\" <3", plan.MainText(), StringComparison.Ordinal);
        Assert.Contains("Skrevet af Sofie Jensen", plan.MainText(), StringComparison.Ordinal);
        var history = await client.GetPageAsync($"/plan/{emma}/historik");
        Assert.Contains("Sofie Jensen (forælder) skrev:", history.QuerySelector("main ol li")?.TextContent, StringComparison.Ordinal);

        using var caseworker = _factory.CreateClient();
        await caseworker.LogInAsync(DemoLogins.Caseworker);
        var casePage = await caseworker.GetPageAsync($"/medarbejder/sager/{emma}");
        Assert.Contains("mormor er med til mødet", casePage.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_is_stored_as_written_and_always_shown_encoded()
    {
        var emma = await _factory.ChildIdAsync("Emma Jensen");
        using var client = _factory.CreateClient();
        await client.LogInAsync(DemoLogins.Youth);

        var words = await client.GetPageAsync($"/plan/{emma}/mine-ord");
        using var saved = await client.SubmitAsync(words.Form(), new Dictionary<string, string> { ["Input.Text"] = "1 < 2 & \"mig\" > 'dig'" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using var response = await client.GetAsync(new Uri($"/plan/{emma}", UriKind.Relative));
        var raw = await response.Content.ReadAsStringAsync();
        Assert.Contains("1 &lt; 2 &amp; &quot;mig&quot; &gt; &#x27;dig&#x27;", raw, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert('hej')</script>", "uden HTML-koder")]
    [InlineData("", "Din tekst skal udfyldes.")]
    [InlineData("   ", "Din tekst skal udfyldes.")]
    public async Task Script_laden_or_empty_words_get_a_clear_message_and_nothing_is_saved(string text, string expected)
    {
        var emma = await _factory.ChildIdAsync("Emma Jensen");
        using var client = _factory.CreateClient();
        await client.LogInAsync(DemoLogins.Parent);
        var before = await CountEntriesAsync();

        var words = await client.GetPageAsync($"/plan/{emma}/mine-ord");
        using var response = await client.SubmitAsync(words.Form(), new Dictionary<string, string> { ["Input.Text"] = text });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var alertText = (await Html.ReadAsync(response)).QuerySelector("#error-summary")?.TextContent ?? string.Empty;
        Assert.True(alertText.Contains(expected, StringComparison.Ordinal), alertText);
        Assert.Equal(before, await CountEntriesAsync());
    }

    [Fact]
    public async Task Overlong_words_get_a_clear_message_and_keep_the_text_in_the_form()
    {
        var emma = await _factory.ChildIdAsync("Emma Jensen");
        using var client = _factory.CreateClient();
        await client.LogInAsync(DemoLogins.Parent);
        var tooLong = new string('a', Portal.Domain.Plans.FamilyEntry.TextMaxLength + 1);

        var words = await client.GetPageAsync($"/plan/{emma}/mine-ord");
        using var response = await client.SubmitAsync(words.Form(), new Dictionary<string, string> { ["Input.Text"] = tooLong });

        var page = await Html.ReadAsync(response);
        Assert.Contains("Din tekst må højst være 2000 tegn.", page.QuerySelector("#error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(tooLong, page.QuerySelector("textarea[name='Input.Text']")?.TextContent);
    }

    [Fact]
    public async Task A_parent_edits_their_own_words_but_not_the_other_parent_s()
    {
        var oskar = await _factory.ChildIdAsync("Oskar Jensen");
        using var mother = _factory.CreateClient();
        using var father = _factory.CreateClient();
        await mother.LogInAsync(DemoLogins.Parent);
        await father.LogInAsync(DemoLogins.OtherParent);
        var form = (await mother.GetPageAsync($"/plan/{oskar}/mine-ord")).Form();
        using var added = await mother.SubmitAsync(form, new Dictionary<string, string> { ["Input.Text"] = "Oskar glæder sig til fodbold" });
        var entryId = (await FamilyEntriesAsync()).Single(entry => entry.Text == "Oskar glæder sig til fodbold").Id;

        var edit = await mother.GetPageAsync($"/plan/{oskar}/mine-ord?entryId={entryId}");
        using var edited = await mother.SubmitAsync(edit.Form(), new Dictionary<string, string> { ["Input.Text"] = "Oskar glæder sig til fodbold om torsdagen" });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);

        using var fatherEdit = await father.GetAsync(new Uri($"/plan/{oskar}/mine-ord?entryId={entryId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, fatherEdit.StatusCode);
        var fatherForm = (await father.GetPageAsync($"/plan/{oskar}/mine-ord")).Form();
        using var forged = await father.SubmitAsync(fatherForm, new Dictionary<string, string> { ["Input.EntryId"] = entryId.ToString(), ["Input.Text"] = "Overskrevet af far" });
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal("Oskar glæder sig til fodbold om torsdagen", (await FamilyEntriesAsync()).Single(entry => entry.Id == entryId).Text);
    }

    [Fact]
    public async Task The_history_is_never_rewritten_not_even_directly_in_the_database()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => _factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"PlanChanges\" SET \"Summary\" = 'rewritten'")));
        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<Exception>(() => _factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"PlanChanges\"")));
    }

    private async Task<int> CountEntriesAsync() => (await FamilyEntriesAsync()).Count;

    private Task<List<Portal.Domain.Plans.FamilyEntry>> FamilyEntriesAsync() =>
        _factory.WithDbAsync(async db => (await db.Plans.ToListAsync()).SelectMany(plan => plan.FamilyEntries).ToList());

    public void Dispose()
    {
        _factory.Dispose();
        _factory.DeleteDataFolder();
    }
}
