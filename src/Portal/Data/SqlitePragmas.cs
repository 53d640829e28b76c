using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Portal.Data;

/// <summary>
/// Set once for each connection SQLite opens (a pooled connection keeps them), not each time EF Core takes one from the
/// pool: synchronous=FULL, so a commit survives power loss, and the limit on SQLite's memory.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    /// <summary>
    /// SQLite's memory for all connections together. Each connection otherwise keeps a page cache of up to 2 MB, and each
    /// request that reads or saves holds a connection of its own, so the memory grew with the requests in flight: with 64
    /// saving at once SQLite held 79 MB and the instance peaked at 371 MB, against 280 MB with this limit (README,
    /// Performance). At the limit a connection reuses its own cached pages instead of taking more; a page it no longer
    /// holds is read again from the operating system's file cache. 8 MB made each counselling join cost about 12 % more CPU.
    /// </summary>
    public const long MemoryLimitBytes = 16 * 1024 * 1024;

    // soft_heap_limit is one limit for the whole process: setting it again with each connection changes nothing.
    private static readonly string Pragmas = string.Create(CultureInfo.InvariantCulture, $"PRAGMA synchronous=FULL; PRAGMA soft_heap_limit={MemoryLimitBytes};");

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
