using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Pages.Meetings;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Performance;

/// <summary>
/// How many SQL commands each main page sends to draw itself, signed-in check included, counted from EF Core's own
/// command log. Not a timing test: a new N+1 (one more query per child, per item) fails it on any machine.
/// </summary>
public sealed class QueryCountTests : IDisposable
{
    private const string Executed = "Executed DbCommand";

    private readonly PortalFactory _factory = PortalFactory.With(new Dictionary<string, string?>
    {
        // Debug, not Information. When no one wants a command's start ("Executing DbCommand" is Debug), EF Core stops
        // logging that pooled context's commands for a second (LoggingCacheTime) unless the command's end is logged, and
        // a cancelled command's end is Debug too. The PostgreSQL pass once missed the meetings query's line, likely so;
        // with the start wanted, every command is logged.
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Debug",

        // The dispatcher looks for mail only when woken, so its queries do not mix with the page's.
        ["Mail:PollInterval"] = "1.00:00:00",
    });

    // The ceilings are today's counts, so any new query per item fails; the signed-in check (one query by key for the
    // security stamp) is counted too. The plan page was 18 and is 3: the child, the caseworkers' names and the plan with
    // its items (stored in its row) in one query, the meetings with their people in one. The start page was 17 and is 3
    // for a parent: the children with their family's names and next meeting's time, and their consents with the
    // decisions; a young person's page shows their next meeting in full, one query more.
    public static TheoryData<string, string, int> Pages => new()
    {
        { DemoLogins.Parent, "/", 3 },
        { DemoLogins.Parent, "/plan/{Emma Jensen}", 3 },
        { DemoLogins.Parent, "/plan/{Oskar Jensen}", 3 },
        { DemoLogins.Parent, "/samtykke/{Oskar Jensen}", 5 },
        { DemoLogins.Youth, "/", 4 },
        { DemoLogins.Youth, "/plan/{Emma Jensen}", 3 },
        { DemoLogins.Caseworker, "/medarbejder/sager", 5 },

        // A professional's plan: the case with its consents (three, as the consent page), the plan, and the read it records.
        { DemoLogins.Teacher, "/fagperson/plan/{Emma Jensen}", 6 },
        { DemoLogins.Parent, "/plan/{Emma Jensen}/hvem-har-set", 3 },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_main_page_is_drawn_with_a_few_queries_however_many_items_it_shows(string login, string path, int most)
    {
        using var client = _factory.CreateClient();
        await client.LogInAsync(login);
        foreach (var name in new[] { "Emma Jensen", "Oskar Jensen" })
        {
            path = path.Replace("{" + name + "}", (await _factory.ChildIdAsync(name)).ToString(), StringComparison.Ordinal);
        }

        (await client.GetAsync(path)).EnsureSuccessStatusCode();
        var before = Count();
        var response = await client.GetAsync(path);
        var commands = Commands().Skip(before).ToList();

        response.EnsureSuccessStatusCode();
        Assert.True(commands.Count <= most, $"{path} sent {commands.Count} SQL commands (at most {most}):\n{string.Join("\n", commands)}");
    }

    [Fact]
    public async Task A_signed_in_browser_fetches_the_styles_without_a_query_though_it_sends_the_login_cookie()
    {
        using var client = _factory.CreateClient();
        await client.LogInAsync(DemoLogins.Parent);
        var page = await client.GetStringAsync("/");
        var styles = StaticFilesTests.Stylesheet().Matches(page).Select(match => match.Groups[1].Value).ToList();
        Assert.NotEmpty(styles);

        // Counted: the signed-in check's query (the portal's background rounds may send others meanwhile).
        int StampChecks() => Commands().Count(line => line.Contains("SecurityStamp", StringComparison.Ordinal));
        var before = StampChecks();
        foreach (var style in styles)
        {
            using var response = await client.GetAsync(style);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // The login cookie goes with every file; only pages read it (and ask the database for the security stamp).
        Assert.Equal(before, StampChecks());
        (await client.GetAsync("/")).EnsureSuccessStatusCode();
        Assert.Equal(before + 1, StampChecks());
    }

    [Fact]
    public async Task A_list_of_ids_is_one_parameter_so_the_same_query_is_the_same_SQL_for_one_child_or_two()
    {
        // EF Core 10 writes a parameter per id by default, and so writes the SQL again on every run (3 % of a plan page's
        // time, measured); as one parameter, the text is made once and reused.
        var ids = new[] { await _factory.ChildIdAsync("Emma Jensen"), await _factory.ChildIdAsync("Oskar Jensen") };
        var sql = new List<string>();
        foreach (var some in new[] { ids[..1], ids })
        {
            var before = Count();
            await using var scope = _factory.Services.CreateAsyncScope();
            await NextMeetingView.LoadAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), some, DateTimeOffset.UtcNow, CancellationToken.None);
            // The portal's background rounds may query meanwhile; this is the one command that reads the meetings.
            var command = Assert.Single(Commands().Skip(before), line => line.Contains("NetworkMeetings", StringComparison.Ordinal));
            sql.Add(command[command.IndexOf("SELECT", StringComparison.Ordinal)..]);
        }

        Assert.Equal(sql[0], sql[1]);
    }

    public void Dispose() => _factory.Dispose();

    private int Count() => Commands().Count();

    /// <summary>The SQL commands the portal has sent so far, as EF Core logged them, in order.</summary>
    private IEnumerable<string> Commands() => _factory.Logs.Lines.Where(line => line.Contains(Executed, StringComparison.Ordinal));
}
