using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Portal.Data;

public static class DataSetup
{
    /// <summary>
    /// The one place that chooses the database. SQLite (one file in the data folder) is the embedded default;
    /// a server database for several instances plugs in here without touching features.
    /// </summary>
    public static void AddPortalData(this WebApplicationBuilder builder)
    {
        var dataFolder = DataFolder.From(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(dataFolder);

        var provider = builder.Configuration["Database:Provider"] ?? "Sqlite";
        if (!string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Database:Provider '{provider}' is not supported yet; use 'Sqlite'.");
        }

        var connectionString = new SqliteConnectionStringBuilder(builder.Configuration.GetConnectionString("Portal")
            ?? $"Data Source={Path.Combine(dataFolder.Path, "portal.db")}")
        {
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = 30,
        }.ToString();

        builder.Services.AddSingleton(WriteGate.OneWriterAtATime());
        builder.Services.AddSingleton<SqlitePragmas>();
        builder.Services.AddDbContext<PortalDbContext>((services, options) => options
            // A plan owns six collections, always loaded with it: as one joined query their rows multiply (a plan with a
            // few dozen items took 13 s to load, measured). One query per collection keeps it to milliseconds.
            .UseSqlite(connectionString, sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
            .AddInterceptors(services.GetRequiredService<SqlitePragmas>(), services.GetRequiredService<Email.OutboxWakeUp>()));

        // Keys outside the repository, so a restart does not log everyone out.
        builder.Services.AddDataProtection()
            .SetApplicationName("Familieportalen")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataFolder.Path, "keys")));
    }

    /// <summary>Applies migrations, switches the file to WAL, creates the roles and, if asked, the demo data.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await Roles.EnsureCreatedAsync(scope.ServiceProvider);

        if (app.Configuration.GetValue("Portal:SeedDemoData", app.Environment.IsDevelopment()))
        {
            await DemoData.SeedAsync(scope.ServiceProvider);
        }
    }
}
