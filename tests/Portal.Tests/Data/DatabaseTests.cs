using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Email;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Data;

public sealed class DatabaseTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    [Fact]
    public async Task The_portal_runs_on_the_model_compiled_for_its_database_engine()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        var compiled = db.Database.IsNpgsql()
            ? typeof(Portal.Data.CompiledModels.Postgres.PostgresPortalDbContextModel)
            : typeof(Portal.Data.CompiledModels.Sqlite.PortalDbContextModel);
        Assert.Equal(compiled, db.Model.GetType());
    }

    [Fact]
    public async Task A_start_on_a_new_database_migrates_it_and_a_restart_with_nothing_to_apply_does_not_migrate()
    {
        // Migrating compares the model with the last migration even when nothing is pending, which builds the model from
        // the configurations (0.4 s of every start); ProviderModelTests makes that comparison instead.
        var settings = new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Migrations"] = "Debug" };
        var first = PortalFactory.With(settings);
        _ = first.Services;
        var firstLines = first.Logs.Lines.ToList();
        first.Dispose();
        using var restart = PortalFactory.With(settings, first.DataFolder);
        _ = restart.Services;

        Assert.Contains(firstLines, line => line.Contains("Applying migration", StringComparison.Ordinal));
        Assert.DoesNotContain(restart.Logs.Lines, line => line.Contains("Microsoft.EntityFrameworkCore.Migrations:", StringComparison.Ordinal));
        await using var scope = restart.Services.CreateAsyncScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.GetPendingMigrationsAsync());
    }

    [SqliteOnlyFact]
    public async Task The_database_is_one_file_in_the_data_folder_in_WAL_mode_with_full_sync_and_a_memory_limit()
    {
        _ = _factory.Services;
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.Database.OpenConnectionAsync();

        Assert.Equal("wal", await Scalar(db, "PRAGMA journal_mode;"));
        Assert.Equal("2", await Scalar(db, "PRAGMA synchronous;"));
        Assert.Equal(SqlitePragmas.MemoryLimitBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), await Scalar(db, "PRAGMA soft_heap_limit;"));
        Assert.True(File.Exists(Path.Combine(_factory.DataFolder, "portal.db")));
    }

    [SqliteOnlyFact]
    public async Task Sixteen_concurrent_writers_that_read_then_write_all_succeed_in_turn()
    {
        _ = _factory.Services;
        using var start = new ManualResetEventSlim();

        // Each writer reads how many messages exist and writes the next number: without a real write
        // turn two writers would read the same count, or SQLite would answer "database is locked".
        var writers = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            await using var scope = _factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            var count = await db.OutboxMessages.CountAsync(message => message.To == "writers@example.dk");
            await Task.Delay(5);
            db.OutboxMessages.Add(OutboxMessage.Create(new EmailMessage("writers@example.dk", $"n={count + 1}", "text", "<p>html</p>"), DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            await transaction.CommitAsync(CancellationToken.None);
        })).ToList();
        start.Set();
        await Task.WhenAll(writers);

        await using var check = _factory.Services.CreateAsyncScope();
        var subjects = await check.ServiceProvider.GetRequiredService<PortalDbContext>().OutboxMessages
            .Where(message => message.To == "writers@example.dk").Select(message => message.Subject).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 16).Select(n => $"n={n}").Order(), subjects.Order());
    }

    [SqliteOnlyFact]
    public async Task A_transaction_left_without_commit_changes_nothing_and_the_next_writer_goes_on()
    {
        _ = _factory.Services;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await using var abandoned = await db.Database.BeginTransactionAsync(CancellationToken.None);
            db.OutboxMessages.Add(OutboxMessage.Create(new EmailMessage("abandoned@example.dk", "never", "text", "<p>html</p>"), DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        // Sixteen plain saves (no transaction of their own) at once, after the abandoned one: none waits forever, none is refused.
        var saves = Enumerable.Range(1, 16).Select(n => Task.Run(async () =>
        {
            await using var scope = _factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.OutboxMessages.Add(OutboxMessage.Create(new EmailMessage("saves@example.dk", $"n={n}", "text", "<p>html</p>"), DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }));
        await Task.WhenAll(saves).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, await _factory.WithDbAsync(db => db.OutboxMessages.CountAsync(message => message.To == "abandoned@example.dk")));
        Assert.Equal(16, await _factory.WithDbAsync(db => db.OutboxMessages.CountAsync(message => message.To == "saves@example.dk")));
    }

    [SqliteOnlyFact]
    public async Task A_transaction_left_on_a_connection_held_open_does_not_outlive_the_request()
    {
        // As a page's request holds its connection (OneSqliteConnectionPerPage) and is aborted mid-form: the transaction is
        // disposed without commit or rollback, and the context goes back to the pool, which closes the connection without
        // EF Core's interceptors hearing it.
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await db.Database.OpenConnectionAsync();
            await using (var abandoned = await db.Database.BeginTransactionAsync(CancellationToken.None))
            {
                db.OutboxMessages.Add(OutboxMessage.Create(new EmailMessage("abandoned@example.dk", "never", "text", "<p>html</p>"), DateTimeOffset.UtcNow));
                await db.SaveChangesAsync();
            }
        }

        await _factory.WithDbAsync(async db =>
        {
            db.OutboxMessages.Add(OutboxMessage.Create(new EmailMessage("next@example.dk", "next", "text", "<p>html</p>"), DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        }).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, await _factory.WithDbAsync(db => db.OutboxMessages.CountAsync(message => message.To == "abandoned@example.dk")));
        Assert.Equal(1, await _factory.WithDbAsync(db => db.OutboxMessages.CountAsync(message => message.To == "next@example.dk")));
    }

    [Fact]
    public async Task Sixteen_people_logging_in_at_once_all_get_in()
    {
        var clients = Enumerable.Range(0, 16).Select(_ => _factory.CreateClient()).ToList();
        var emails = DemoData.Users.Select(user => user.Email).ToList();

        var responses = await Task.WhenAll(clients.Select((client, index) => client.TryLogInAsync(emails[index % emails.Count], DemoLogins.Password)));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.Redirect, response.StatusCode));
        Assert.All(responses, response => Assert.Equal("/", response.Location()));
        foreach (var item in responses.Cast<IDisposable>().Concat(clients))
        {
            item.Dispose();
        }
    }

    [Fact]
    public async Task A_restart_on_the_same_data_folder_keeps_people_logged_in()
    {
        using var client = _factory.CreateClient();
        await client.LogInAsync(DemoLogins.Parent);
        Assert.Equal(1, await _factory.WithDbAsync(db => db.DataProtectionKeys.CountAsync()));
        var authCookie = await LoginCookieAsync(_factory);
        _factory.Dispose();

        using var restarted = PortalFactory.With(new Dictionary<string, string?>(), _factory.DataFolder);
        using var afterRestart = restarted.CreateClient();
        afterRestart.DefaultRequestHeaders.Add("Cookie", authCookie);

        var home = await afterRestart.GetPageAsync("/");
        Assert.Equal("Dine børn", home.QuerySelector("h1")?.TextContent);
    }

    private static async Task<string> LoginCookieAsync(PortalFactory factory)
    {
        using var client = factory.CreateClient();
        using var response = await client.TryLogInAsync(DemoLogins.Parent, DemoLogins.Password);
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(value => value.StartsWith("__Host-Familieportalen=", StringComparison.Ordinal));
        return setCookie.Split(';')[0];
    }

    private static async Task<string?> Scalar(PortalDbContext db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync())?.ToString();
    }

    public void Dispose()
    {
        _factory.Dispose();
        _factory.DeleteDataFolder();
    }
}
