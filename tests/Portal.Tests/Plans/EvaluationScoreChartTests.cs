using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Plans;

/// <summary>"Hvordan går det?" on each evaluation, entered by the caseworker and shown to the family as a chart with its table.</summary>
public sealed class EvaluationScoreChartTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    [Fact]
    public async Task The_family_sees_each_answer_in_a_chart_with_a_table_that_holds_every_figure()
    {
        var oskar = await _factory.ChildIdAsync("Oskar Jensen");
        using var caseworker = await LoggedInAsync(DemoLogins.Caseworker);
        await AddEvaluationAsync(caseworker, oskar, "Det er svært om morgenen.", ("FamilyScore", "3"), ("ChildScore", "4"));

        using var mother = await LoggedInAsync(DemoLogins.Parent);
        var plan = await mother.GetPageAsync($"/plan/{oskar}");

        var chart = plan.QuerySelector("svg.portal-chart")!;
        Assert.Equal("img", chart.GetAttribute("role"));
        Assert.Contains("forældrene 3, barnet selv 4, fagpersonerne ikke spurgt", chart.QuerySelector("title")?.TextContent, StringComparison.Ordinal);
        var rows = plan.QuerySelectorAll("table.portal-table tbody tr").Select(row => row.QuerySelectorAll("td").Select(cell => cell.TextContent).ToList()).ToList();
        Assert.Equal([["3", "4", "–"]], rows);
        Assert.Equal(["Dato", "Forældre", "Barnet", "Fagfolk"], plan.QuerySelectorAll("table.portal-table thead th").Select(cell => cell.TextContent));
    }

    [Fact]
    public async Task A_score_outside_the_scale_is_a_clear_error_and_the_evaluation_text_is_kept()
    {
        var oskar = await _factory.ChildIdAsync("Oskar Jensen");
        using var caseworker = await LoggedInAsync(DemoLogins.Caseworker);
        var page = await caseworker.GetPageAsync($"/medarbejder/sager/{oskar}/plan/evalueringer");

        using var refused = await caseworker.SubmitAsync(page.Form("main form"), new Dictionary<string, string>
        {
            ["Input.WhatHappened"] = "Skrevet med et forkert tal",
            ["Input.WhatNext"] = "Videre",
            ["Input.FamilyScore"] = "11",
        });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var again = await Html.ReadAsync(refused);
        Assert.Contains("Vælg et tal fra 1 til 10.", again.MainText(), StringComparison.Ordinal);
        Assert.Equal("Skrevet med et forkert tal", again.QuerySelector("textarea[name='Input.WhatHappened']")?.TextContent);
        Assert.DoesNotContain("Skrevet med et forkert tal", (await caseworker.GetPageAsync($"/medarbejder/sager/{oskar}")).MainText(), StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();

    private static async Task AddEvaluationAsync(HttpClient caseworker, Guid childId, string text, params (string Field, string Value)[] scores)
    {
        var page = await caseworker.GetPageAsync($"/medarbejder/sager/{childId}/plan/evalueringer");
        var values = new Dictionary<string, string> { ["Input.WhatHappened"] = text, ["Input.WhatNext"] = "Vi ses igen om en måned." };
        foreach (var (field, value) in scores)
        {
            values["Input." + field] = value;
        }

        using var saved = await caseworker.SubmitAsync(page.Form("main form"), values);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    private async Task<HttpClient> LoggedInAsync(string email)
    {
        var client = _factory.CreateClient();
        await client.LogInAsync(email);
        return client;
    }
}
