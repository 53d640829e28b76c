using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Portal.Data;

/// <summary>
/// synchronous is a per-connection setting: every connection gets FULL, so a commit survives power loss. A pooled
/// connection keeps it, so it is set once for each connection SQLite opens, not each time EF Core takes one from the pool.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=FULL;";

    private readonly ConditionalWeakTable<sqlite3, object> _set = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsNew(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
            Remember(connection);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsNew(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            Remember(connection);
        }
    }

    private bool IsNew(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || !_set.TryGetValue(handle, out _);

    private void Remember(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            _set.AddOrUpdate(handle, this);
        }
    }
}
