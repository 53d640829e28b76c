using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Portal.TestSupport;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The real portal on a temporary SQLite file (WAL, as in production), with demo data and mail to a temporary
/// folder. Runs in the "Testing" environment, so error pages and cookies behave as in production.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    // Dozens of test hosts in one process would each take inotify watchers (a per-user limit of 128 here):
    // poll instead, and do not watch the settings files.
    static PortalFactory()
    {
        System.Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
        System.Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
    }

    public PortalFactory()
        : this(new Dictionary<string, string?>(), dataFolder: null)
    {
    }

    private PortalFactory(IDictionary<string, string?> settings, string? dataFolder)
    {
        _fromTemplate = dataFolder is null && settings.Keys.All(LeavesTheDatabaseAlone);
        DataFolder = dataFolder ?? Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataFolder);
        _settings = new Dictionary<string, string?>
        {
            ["Database:DataFolder"] = DataFolder,
            ["Portal:SeedDemoData"] = "true",
            ["Portal:PublicBaseUrl"] = "https://localhost",
            ["Mail:Transport"] = "PickupFolder",
            ["Mail:PickupFolder"] = "mail",
            ["Mail:PollInterval"] = "00:00:00.200",
            ["Mail:FirstRetryDelay"] = "00:00:00.200",
            ["Mail:MaxRetryDelay"] = "00:00:01",
            ["RateLimits:AccountPermitsPerMinute"] = "100000",
            ["Counselling:PermitsPerMinute"] = "100000",
            ["RateLimits:LinkPermitsPerMinute"] = "100000",

            // Tests drive the background rounds themselves. A periodic timer on a fake clock that a test moves on by a
            // year would otherwise fire once for every minute skipped, and take minutes.
            ["Counselling:HousekeepingInterval"] = "00:00:00",
            ["Portal:ConsentReminderInterval"] = "00:00:00",
        };
        foreach (var (key, value) in TestMunicipality.Settings)
        {
            _settings[key] = value;
        }

        if (UsesPostgres(settings))
        {
            _settings["Database:Provider"] = "PostgreSQL";
            if (!_fromTemplate)
            {
                _settings["ConnectionStrings:Portal"] = PostgresDatabases.GetOrAdd(DataFolder, _ => PostgresServer.Shared.GetAwaiter().GetResult().NewDatabaseAsync().GetAwaiter().GetResult());
            }
        }

        foreach (var (key, value) in settings)
        {
            _settings[key] = value;
        }

        ClientOptions.BaseAddress = new Uri("https://localhost");
        ClientOptions.AllowAutoRedirect = false;
    }

    public string DataFolder { get; }

    /// <summary>
    /// Settings that change how the portal behaves but not what its start writes to a new database (migrations, roles,
    /// the demo data): a portal with only these changed can start from the prepared copy.
    /// </summary>
    private static bool LeavesTheDatabaseAlone(string key) =>
        key is "AllowedHosts" or "Portal:PublicBaseUrl" or "Portal:ConsentReminderInterval"
        || key.StartsWith("Mail:", StringComparison.Ordinal)
        || key.StartsWith("RateLimits:", StringComparison.Ordinal)
        || key.StartsWith("Counselling:", StringComparison.Ordinal)
        || key.StartsWith("Municipality:", StringComparison.Ordinal);

    /// <summary>
    /// PORTAL_TEST_DATABASE=PostgreSQL runs the same tests on PostgreSQL (a throwaway cluster, a database per data folder,
    /// so a restart on the same folder finds its data); a test can also ask for it with Database:Provider.
    /// </summary>
    public static bool OnPostgres => string.Equals(System.Environment.GetEnvironmentVariable("PORTAL_TEST_DATABASE"), "PostgreSQL", StringComparison.OrdinalIgnoreCase);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> PostgresDatabases = new();

    private static bool UsesPostgres(IDictionary<string, string?> settings) =>
        settings.TryGetValue("Database:Provider", out var provider)
            ? string.Equals(provider, "PostgreSQL", StringComparison.OrdinalIgnoreCase) && !settings.ContainsKey("ConnectionStrings:Portal")
            : OnPostgres;

    public CapturedLogs Logs { get; } = new();

    /// <summary>A portal with some settings changed, optionally on an existing data folder (a restart).</summary>
    public static PortalFactory With(
        IDictionary<string, string?> settings,
        string? dataFolder = null,
        FakeTimeProvider? clock = null,
        string environment = "Testing",
        Action<IServiceCollection>? configureServices = null) =>
        new(settings, dataFolder) { Clock = clock, Environment = environment, ConfigureServices = configureServices };

    /// <summary>The host environment: "Testing" (error pages and cookies as in production) unless a test needs Development.</summary>
    public string Environment { get; init; } = "Testing";

    public string MailFolder => Path.Combine(DataFolder, "mail");

    /// <summary>The PostgreSQL database this portal uses, for a second instance on the same data; null on SQLite.</summary>
    public string? PostgresConnectionString => _settings.GetValueOrDefault("Database:Provider") == "PostgreSQL" ? _settings.GetValueOrDefault("ConnectionStrings:Portal") : null;

    /// <summary>Set before the first request to control the portal's clock.</summary>
    public FakeTimeProvider? Clock { get; init; }

    /// <summary>Lets a test add endpoints or services (for example a route that throws).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (_fromTemplate)
        {
            StartFromTemplate();
        }

        builder.UseEnvironment(Environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            if (Clock is not null)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Clock);
            }

            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ConnectingAddress>();

            // Every test host seeds six demo accounts and logs people in: at Identity's 100,000 PBKDF2 rounds that was
            // most of the suite's time. The hashing itself is Identity's; only its cost is lowered here.
            services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(options => options.IterationCount = 1_000);
            ConfigureServices?.Invoke(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();

            // Each portal has a database of its own on the shared cluster: give its connections back at once.
            Npgsql.NpgsqlConnection.ClearAllPools();
        }
    }

    // A portal on the default settings starts from a copy of one prepared database (migrations applied, roles, the
    // counselling counter and the demo data made), prepared once per test run: preparing it again for every test took
    // most of the suite's time. The portal still runs its whole start on the copy, which then finds nothing to do.
    // The demo data's dates follow the clock, so a test on a moved clock gets a copy prepared at its clock's time (most
    // such tests start at the same moment, and share one).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(bool Postgres, DateTimeOffset? At), Lazy<string>> Templates = new();
    private readonly bool _fromTemplate;

    private void StartFromTemplate()
    {
        // A test that adds services gets the demo data made under its own conditions.
        if (ConfigureServices is not null)
        {
            if (_settings.GetValueOrDefault("Database:Provider") == "PostgreSQL")
            {
                _settings["ConnectionStrings:Portal"] = PostgresDatabases.GetOrAdd(DataFolder, _ => PostgresServer.Shared.GetAwaiter().GetResult().NewDatabaseAsync().GetAwaiter().GetResult());
            }

            return;
        }

        var postgres = _settings.GetValueOrDefault("Database:Provider") == "PostgreSQL";
        var at = Clock?.GetUtcNow();
        var prepared = Templates.GetOrAdd((postgres, at), key => new Lazy<string>(() => PrepareTemplate(key.Postgres, key.At))).Value;
        if (postgres)
        {
            var template = new Npgsql.NpgsqlConnectionStringBuilder(prepared).Database;
            _settings["ConnectionStrings:Portal"] = PostgresDatabases.GetOrAdd(DataFolder, _ => PostgresServer.Shared.GetAwaiter().GetResult().NewDatabaseAsync(template).GetAwaiter().GetResult());
        }
        else
        {
            File.Copy(prepared, Path.Combine(DataFolder, "portal.db"));
        }
    }

    /// <summary>Starts a portal once on its own database and returns that database, closed, to be copied.</summary>
    private static string PrepareTemplate(bool postgres, DateTimeOffset? at)
    {
        var settings = new Dictionary<string, string?> { ["Database:Provider"] = postgres ? "PostgreSQL" : "Sqlite" };
        using var template = new PortalFactory(settings, dataFolder: null) { Clock = at is { } moment ? new FakeTimeProvider(moment) : null };
        _ = template.Services;
        var connectionString = template.PostgresConnectionString;
        template.Dispose();
        if (postgres)
        {
            return connectionString!;
        }

        // Everything written is moved from the write-ahead log into the file itself, so the file alone is the copy.
        var file = Path.Combine(template.DataFolder, "portal.db");
        using (var connection = new SqliteConnection($"Data Source={file};Pooling=false"))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            checkpoint.ExecuteNonQuery();
        }

        return file;
    }

    /// <summary>Deletes the data folder; call when no other factory uses it.</summary>
    public void DeleteDataFolder()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on this machine; the temporary folder is cleaned by the OS later.
        }
    }
}
