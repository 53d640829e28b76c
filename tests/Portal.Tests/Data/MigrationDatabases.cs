using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Data;
using Portal.Tests.Infrastructure;
using Portal.TestSupport;

namespace Portal.Tests.Data;

/// <summary>
/// A new database on the engine the tests run on, for proving what a migration does to data written before it, or what an
/// interceptor does to a save.
/// </summary>
internal static class MigrationDatabases
{
    public static async Task<PortalDbContext> NewAsync(string folder, params IInterceptor[] interceptors)
    {
        if (PortalFactory.OnPostgres)
        {
            var connection = await (await PostgresServer.Shared).NewDatabaseAsync();
            return new PostgresPortalDbContext(new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql(connection).AddInterceptors(interceptors).Options);
        }

        return new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "portal.db")};Pooling=false").AddInterceptors(interceptors).Options);
    }

    /// <summary>Migrates to the migration just before the one whose name ends with <paramref name="migration"/>.</summary>
    public static async Task MigrateToJustBeforeAsync(this PortalDbContext db, string migration)
    {
        var migrations = db.Database.GetMigrations().ToList();
        await db.GetService<IMigrator>().MigrateAsync(migrations[migrations.FindIndex(name => name.EndsWith(migration, StringComparison.Ordinal)) - 1]);
    }
}
