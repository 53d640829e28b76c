using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

// Many concurrent writers on one SQLite file (WAL, synchronous=FULL, as the portal runs it). Each write is a form's
// transaction in miniature: BEGIN IMMEDIATE, one read, one insert, COMMIT. Two ways to keep writers apart:
//   gate: writers queue on a semaphore in the process, so BEGIN IMMEDIATE never meets a held lock;
//   busy: no queue; a writer that meets the lock is retried by Microsoft.Data.Sqlite until the command timeout.
var writers = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 16;
var total = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3000;
Console.WriteLine($"{writers} concurrent writers, {total} transactions each way");
foreach (var mode in new[] { "gate", "busy", "gate", "busy" })
{
    Console.WriteLine(await RunAsync(mode, writers, total));
}

static async Task<string> RunAsync(string mode, int writers, int total)
{
    var folder = Path.Combine(Path.GetTempPath(), "portal-bench-write-seam", Guid.NewGuid().ToString("N"));
    Directory.CreateDirectory(folder);
    var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "bench.db"), Pooling = true, DefaultTimeout = 30 }.ToString();
    await using (var setup = new SqliteConnection(connectionString))
    {
        await setup.OpenAsync();
        await Execute(setup, null, "PRAGMA journal_mode=WAL; CREATE TABLE line (id INTEGER PRIMARY KEY, text TEXT NOT NULL);");
    }

    using var gate = new SemaphoreSlim(1, 1);
    var latencies = new double[total];
    var next = -1;
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
    {
        int index;
        while ((index = Interlocked.Increment(ref next)) < total)
        {
            var started = Stopwatch.GetTimestamp();
            if (mode == "gate")
            {
                await gate.WaitAsync();
            }

            try
            {
                await using var connection = new SqliteConnection(connectionString);
                await connection.OpenAsync();
                await Execute(connection, null, "PRAGMA synchronous=FULL;");
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
                await Execute(connection, transaction, "SELECT count(*) FROM line WHERE id > (SELECT coalesce(max(id), 0) - 10 FROM line);");
                await Execute(connection, transaction, "INSERT INTO line (text) VALUES ('a line of text, as a form would save');");
                await transaction.CommitAsync();
            }
            finally
            {
                if (mode == "gate")
                {
                    gate.Release();
                }
            }

            latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
    })));
    var seconds = clock.Elapsed.TotalSeconds;
    Array.Sort(latencies);
    SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
    return string.Create(CultureInfo.InvariantCulture,
        $"{mode}: {total / seconds,7:F0} transactions/s   p50 {latencies[total / 2],7:F1} ms   p95 {latencies[total * 95 / 100],7:F1} ms   p99 {latencies[total * 99 / 100],7:F1} ms   max {latencies[^1],7:F1} ms");
}

static async Task Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
{
    await using var command = connection.CreateCommand();
    command.Transaction = transaction;
    command.CommandText = sql;
    await command.ExecuteNonQueryAsync();
}
