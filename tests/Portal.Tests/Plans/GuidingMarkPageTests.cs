using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Plans;

/// <summary>The four guiding marks through the real pages: named by the caseworker, read by the family, counted for the management.</summary>
public sealed class GuidingMarkPageTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    [Fact]
    public async Task The_caseworker_names_the_marks_a_goal_serves_and_the_family_reads_the_plan_by_mark()
    {
        var oskar = await _factory.ChildIdAsync("Oskar Jensen");
        using var caseworker = await LoggedInAsync(DemoLogins.Caseworker);
        var goals = await caseworker.GetPageAsync($"/medarbejder/sager/{oskar}/plan/maal");
        Assert.Equal(["Tidlig indsats", "Sammenhænge", "Forældreskab", "Fælles faglighed"], goals.QuerySelectorAll("form[action*='handler=Add'] fieldset label").Select(label => label.FirstChild!.TextContent.Trim()));

        var form = goals.Form("form[action*='handler=Add']");
        ((AngleSharp.Html.Dom.IHtmlInputElement)form.QuerySelector("#mark-EarlyAction")!).IsChecked = true;
        ((AngleSharp.Html.Dom.IHtmlInputElement)form.QuerySelector("#mark-Parenthood")!).IsChecked = true;
        using var added = await caseworker.SubmitAsync(form, new Dictionary<string, string> { ["Input.Text"] = "Far og mor får hjælp til de svære morgener." });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        using var mother = await LoggedInAsync(DemoLogins.Parent);
        var plan = await mother.GetPageAsync($"/plan/{oskar}");
        var goal = plan.QuerySelectorAll("#goals-heading ~ ul li").Single(item => item.TextContent.Contains("svære morgener", StringComparison.Ordinal));
        Assert.Contains("Pejlemærker: Tidlig indsats, Forældreskab", goal.TextContent, StringComparison.Ordinal);
        var byMark = plan.QuerySelector("section[aria-labelledby=marks-heading]")!;
        Assert.Equal(["Tidlig indsats", "Sammenhænge", "Forældreskab"], byMark.QuerySelectorAll("h3").Select(heading => heading.TextContent));
        Assert.Contains("Mål: Far og mor får hjælp til de svære morgener.", byMark.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_case_list_counts_children_per_mark_of_their_active_interventions_without_names()
    {
        using var caseworker = await LoggedInAsync(DemoLogins.Caseworker);

        var list = await caseworker.GetPageAsync("/medarbejder/sager");
        var overview = list.QuerySelector("section[aria-labelledby=marks-heading]")!;

        // Emma's talks with PPR serve early action and shared practice; Oskar has no intervention yet.
        Assert.Equal(["Tidlig indsats: 1 barn", "Sammenhænge: 0 børn", "Forældreskab: 0 børn", "Fælles faglighed: 1 barn"], overview.QuerySelectorAll("li").Select(item => item.TextContent.Trim()));
        Assert.DoesNotContain("Emma", overview.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_mark_is_a_clear_error_and_nothing_is_added()
    {
        var oskar = await _factory.ChildIdAsync("Oskar Jensen");
        using var caseworker = await LoggedInAsync(DemoLogins.Caseworker);
        var goals = await caseworker.GetPageAsync($"/medarbejder/sager/{oskar}/plan/maal");
        var form = goals.Form("form[action*='handler=Add']");
        var box = ((AngleSharp.Html.Dom.IHtmlInputElement)form.QuerySelector("#mark-Coherence")!);
        box.IsChecked = true;
        box.Value = "Everything";

        using var refused = await caseworker.SubmitAsync(form, new Dictionary<string, string> { ["Input.Text"] = "Et mål med et falsk pejlemærke" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotNull((await Html.ReadAsync(refused)).QuerySelector(".alert-error, .form-error"));
        Assert.DoesNotContain("falsk pejlemærke", (await caseworker.GetPageAsync($"/medarbejder/sager/{oskar}/plan/maal")).MainText(), StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();

    private async Task<HttpClient> LoggedInAsync(string email)
    {
        var client = _factory.CreateClient();
        await client.LogInAsync(email);
        return client;
    }
}
