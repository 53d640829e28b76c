using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Portal.Data;

/// <summary>Used by `dotnet ef migrations` and `dotnet ef dbcontext optimize` with `--context PortalDbContext` (SQLite) only; the running app configures the context in <see cref="DataSetup"/>.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>().UseSqlite("Data Source=design-time.db").Options;
        return new PortalDbContext(options);
    }
}

/// <summary>Used by `dotnet ef migrations` and `dotnet ef dbcontext optimize` with `--context PostgresPortalDbContext`; needs no server for either.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPortalDbContext>
{
    public PostgresPortalDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql("Host=localhost;Database=familieportalen_design").Options;
        return new PostgresPortalDbContext(options);
    }
}
