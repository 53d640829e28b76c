using Microsoft.EntityFrameworkCore;

namespace Portal.Data;

/// <summary>
/// The same model on PostgreSQL. A type of its own only so that each provider has its own migrations
/// (<c>Data/Migrations</c> for SQLite, <c>Data/PostgresMigrations</c> for PostgreSQL); features use
/// <see cref="PortalDbContext"/> and never know which one they got.
/// </summary>
public sealed class PostgresPortalDbContext(DbContextOptions<PostgresPortalDbContext> options)
    : PortalDbContext(options);
