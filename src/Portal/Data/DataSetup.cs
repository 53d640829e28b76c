using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Portal.Data;

public static class DataSetup
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSQL";

    /// <summary>
    /// The one place that chooses the database: SQLite (one file in the data folder, the embedded default) or
    /// PostgreSQL (<c>ConnectionStrings:Portal</c>) for several instances. Features see <see cref="PortalDbContext"/> either way.
    /// </summary>
    public static void AddPortalData(this WebApplicationBuilder builder)
    {
        var dataFolder = DataFolder.From(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(dataFolder);

        // Each engine's model is compiled from the configurations into Data/CompiledModels, where EF Core finds it by the
        // context's type (see README, Development notes): building it took 0.4 s of every start.
        var provider = ProviderOf(builder.Configuration);
        var connectionString = builder.Configuration.GetConnectionString("Portal");
        if (string.Equals(provider, PostgreSql, StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Database:Provider is PostgreSQL, so ConnectionStrings:Portal must name the database (Host=…;Database=…;Username=…).");
            }

            // Ordinary transactions, unique constraints and row locks keep writers apart: nothing waits in the process.
            builder.Services.AddDbContextPool<PortalDbContext, PostgresPortalDbContext>((services, options) => options
                .UseNpgsql(connectionString, npgsql => npgsql.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
                .AddInterceptors(services.GetRequiredService<Email.OwedMailOnSave>(), services.GetRequiredService<Email.OutboxWakeUp>()),
                ContextPoolSize);
        }
        else if (string.Equals(provider, Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            var sqlite = new SqliteConnectionStringBuilder(connectionString ?? $"Data Source={Path.Combine(dataFolder.Path, "portal.db")}")
            {
                Pooling = true,
                ForeignKeys = true,
                DefaultTimeout = 30,
            }.ToString();

            builder.Services.AddSingleton<WriteGate>();
            builder.Services.AddSingleton<SqlitePragmas>();
            builder.Services.AddDbContextPool<PortalDbContext>((services, options) => options
                // A plan owns six collections, always loaded with it: as one joined query their rows multiply (a plan with a
                // few dozen items took 13 s to load, measured). One query per collection keeps it to milliseconds.
                .UseSqlite(sqlite, options => options.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
                .AddInterceptors(services.GetRequiredService<SqlitePragmas>(), services.GetRequiredService<WriteGate>(), services.GetRequiredService<Email.OwedMailOnSave>(), services.GetRequiredService<Email.OutboxWakeUp>()),
                ContextPoolSize);
        }
        else
        {
            throw new InvalidOperationException($"Database:Provider '{provider}' is not known; use '{Sqlite}' (the default) or '{PostgreSql}'.");
        }

        // In the database, so every instance reads the keys the others made, and a restart logs nobody out.
        builder.Services.AddDataProtection()
            .SetApplicationName("Familieportalen")
            .PersistKeysToDbContext<PortalDbContext>();

        builder.Services.AddHealthChecks()
            .AddDbContextCheck<PortalDbContext>(tags: ["live"])
            .AddCheck<MigrationsApplied>("migrations", tags: ["ready"]);
    }

    /// <summary>The data's part of the request pipeline; goes right after routing, before the signed-in check.</summary>
    public static void UsePortalData(this WebApplication app)
    {
        if (string.Equals(ProviderOf(app.Configuration), Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            app.UseMiddleware<OneSqliteConnectionPerPage>();
        }
    }

    /// <summary>
    /// Applies migrations (EF Core holds a database-wide lock meanwhile, so instances starting together take turns),
    /// switches a SQLite file to WAL, and creates the roles, the counselling counter and, if asked, the demo data.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var postgres = db.Database.IsNpgsql();
        if (postgres)
        {
            // The whole preparation, not only the migrations: roles, the counter and demo data are made once too.
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock(" + PreparationLock + ")");
        }

        try
        {
            // Migrating also compares the model with the last migration, which builds it from the configurations again (0.4 s);
            // a test does that comparison, so a start with nothing to apply skips it.
            if ((await db.Database.GetPendingMigrationsAsync()).Any())
            {
                await db.Database.MigrateAsync();
            }
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }

            await Roles.EnsureCreatedAsync(scope.ServiceProvider);
            await Counselling.CounsellingCounter.EnsureCreatedAsync(db);

            if (app.Configuration.GetValue("Portal:SeedDemoData", app.Environment.IsDevelopment()))
            {
                await DemoData.SeedAsync(scope.ServiceProvider);
            }
        }
        finally
        {
            if (postgres)
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock(" + PreparationLock + ")");
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private static string ProviderOf(IConfiguration configuration) => configuration["Database:Provider"] ?? Sqlite;

    /// <summary>
    /// Contexts kept for reuse. Building one per request (its options, its internal services) was a fifth of what a
    /// page allocated, measured with dotnet-trace; a few dozen cover the requests two cores serve at once.
    /// </summary>
    private const int ContextPoolSize = 64;

    /// <summary>A PostgreSQL advisory lock key of the portal's own, held by the instance preparing the database.</summary>
    private const string PreparationLock = "724681902";

    /// <summary>Ready for traffic: the database answers and has every migration this version needs.</summary>
    private sealed class MigrationsApplied(PortalDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
            return pending.Any() ? HealthCheckResult.Unhealthy("Migrations are missing.") : HealthCheckResult.Healthy();
        }
    }
}
