namespace Portal.Tests.Infrastructure;

/// <summary>
/// A test of how the portal uses SQLite itself (the file, WAL, the in-process writer gate). Reported as skipped, with
/// the reason, when the suite runs on PostgreSQL, where the database does that work and has tests of its own.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SqliteOnlyFactAttribute : FactAttribute
{
    public SqliteOnlyFactAttribute()
    {
        if (PortalFactory.OnPostgres)
        {
            Skip = "About SQLite itself; PostgreSQL keeps writers apart with transactions and locks (Data/TwoInstanceTests).";
        }
    }
}
