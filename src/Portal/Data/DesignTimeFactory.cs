using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Portal.Data;

/// <summary>Used by `dotnet ef migrations` only; the running app configures the context in <see cref="DataSetup"/>.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>().UseSqlite("Data Source=design-time.db").Options;
        return new PortalDbContext(options, WriteGate.Open());
    }
}
