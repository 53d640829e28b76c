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
}
