using System.Net;
using System.Text.Json;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Plans;

public sealed class MyDataTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_parent_downloads_everything_about_themself_and_their_children_as_JSON()
    {
        using var client = factory.CreateClient();
        await client.LogInAsync(DemoLogins.Parent);

        using var response = await client.GetAsync(new Uri("/mine-data?handler=Download", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(DemoLogins.Parent, json.RootElement.GetProperty("account").GetProperty("email").GetString());
        var children = json.RootElement.GetProperty("children").EnumerateArray().Select(child => child.GetProperty("name").GetString()).ToList();
        Assert.Equal(["Emma Jensen", "Oskar Jensen"], children);
        Assert.Contains(json.RootElement.GetProperty("children")[0].GetProperty("plan").GetProperty("goals").EnumerateArray(), goal => goal.GetProperty("text").GetString()!.StartsWith("Emma kommer i skole", StringComparison.Ordinal));
        Assert.True(json.RootElement.GetProperty("children")[0].GetProperty("plan").GetProperty("changes").GetArrayLength() > 0);
    }

    [Fact]
    public async Task A_young_person_s_data_says_who_outside_the_family_opened_their_plan()
    {
        var emma = await factory.ChildIdAsync("Emma Jensen");
        using var teacher = factory.CreateClient();
        await teacher.LogInAsync(DemoLogins.Teacher);
        await teacher.GetPageAsync($"/fagperson/plan/{emma}");
        using var client = factory.CreateClient();
        await client.LogInAsync(DemoLogins.Youth);

        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/mine-data?handler=Download", UriKind.Relative)));

        var reads = json.RootElement.GetProperty("children")[0].GetProperty("planReadBy").EnumerateArray().ToList();
        Assert.Contains(reads, read => read.GetProperty("name").GetString() == "Pia Holm" && read.GetProperty("service").GetString() == "School" && read.GetProperty("role").GetString() == "Professional");
        Assert.Contains("Planen er åbnet 1 gang af nogen uden for familien.", (await client.GetPageAsync("/mine-data")).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_young_person_s_data_holds_only_their_own_plan()
    {
        using var client = factory.CreateClient();
        await client.LogInAsync(DemoLogins.Youth);

        var page = await client.GetPageAsync("/mine-data");
        using var response = await client.GetAsync(new Uri("/mine-data?handler=Download", UriKind.Relative));
        var json = await response.Content.ReadAsStringAsync();

        Assert.Contains("Emma Jensen", page.MainText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Oskar", page.MainText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Oskar", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task My_data_holds_every_consent_decision_about_the_children_and_whether_the_calendar_address_is_on()
    {
        var oskar = await factory.ChildIdAsync("Oskar Jensen");
        using var mother = factory.CreateClient();
        await mother.LogInAsync(DemoLogins.Parent);
        using var given = await mother.SubmitAsync((await mother.GetPageAsync($"/samtykke/{oskar}/HealthVisitors/InformationExchange/giv")).Form());
        Assert.Equal(HttpStatusCode.Redirect, given.StatusCode);
        using var feed = await mother.SubmitAsync((await mother.GetPageAsync("/kalender")).Form("main form[action*='handler=Create']"));

        var page = await mother.GetPageAsync("/mine-data");
        using var json = JsonDocument.Parse(await mother.GetStringAsync(new Uri("/mine-data?handler=Download", UriKind.Relative)));

        Assert.Contains("Kommunen og Sundhedsplejen må udveksle oplysninger om Oskar Jensen – ja, fra dig", page.MainText(), StringComparison.Ordinal);
        Assert.Contains("Slået til siden", page.MainText(), StringComparison.Ordinal);
        Assert.True(json.RootElement.GetProperty("calendarFeed").GetProperty("on").GetBoolean());
        var oskarData = json.RootElement.GetProperty("children").EnumerateArray().Single(child => child.GetProperty("name").GetString() == "Oskar Jensen");
        var decision = Assert.Single(oskarData.GetProperty("consentDecisions").EnumerateArray(), item => item.GetProperty("partner").GetString() == "HealthVisitors" && item.GetProperty("purpose").GetString() == "InformationExchange");
        Assert.Equal(("Given", true), (decision.GetProperty("action").GetString(), decision.GetProperty("byYou").GetBoolean()));

        // The other parent sees the decision too, by role and not by name.
        using var father = factory.CreateClient();
        await father.LogInAsync(DemoLogins.OtherParent);
        var fathers = await father.GetPageAsync("/mine-data");
        Assert.Contains("må udveksle oplysninger om Oskar Jensen – ja, fra en forælder", fathers.MainText(), StringComparison.Ordinal);
        Assert.Contains("Ikke slået til", fathers.MainText(), StringComparison.Ordinal);
        Assert.All(fathers.QuerySelectorAll("main li").Where(item => item.TextContent.Contains("oplysninger", StringComparison.Ordinal)), item => Assert.DoesNotContain("Sofie", item.TextContent, StringComparison.Ordinal));
    }
}
