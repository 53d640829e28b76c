using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Portal.TestSupport;

/// <summary>
/// A throwaway PostgreSQL cluster on loopback (Debian's postgresql), made with initdb in a temporary folder and stopped
/// and deleted on dispose. As root it runs as the unprivileged user postgres, since PostgreSQL refuses to run as root.
/// Each test asks for a database of its own.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private readonly string _root;
    private readonly string _binaries;
    private readonly bool _asPostgresUser = Environment.UserName == "root";
    private readonly int _majorVersion;
    private int _databases;

    private PostgresServer(string binaries, int port, string? root = null)
    {
        _binaries = binaries;
        _majorVersion = MajorVersionOf(binaries);
        Port = port;
        _root = root ?? Path.Combine(Path.GetTempPath(), "portal-postgres", Guid.NewGuid().ToString("N"));
    }

    public int Port { get; }

    /// <summary>A server's major version, from Debian's folder for it (/usr/lib/postgresql/15/bin); 0 if it has none.</summary>
    private static int MajorVersionOf(string binaries) =>
        int.TryParse(Path.GetFileName(Path.GetDirectoryName(binaries)), out var major) ? major : 0;

    private static readonly Lazy<Task<PostgresServer>> SharedServer = new(async () =>
    {
        var server = await StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
        return server;
    });

    /// <summary>One cluster for the whole test run, started on first use and stopped when the test process ends.</summary>
    public static Task<PostgresServer> Shared => SharedServer.Value;

    public static async Task<PostgresServer> StartAsync()
    {
        var binaries = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(version => Path.Combine(version, "bin")).Where(bin => File.Exists(Path.Combine(bin, "initdb"))).OrderBy(MajorVersionOf).LastOrDefault()
            : null;
        if (binaries is null)
        {
            throw new InvalidOperationException("Debian's postgresql is required: apt-get install -y postgresql (scripts/test.sh does this).");
        }

        await RemoveAbandonedClustersAsync(binaries);
        var server = new PostgresServer(binaries, FreePort());
        await server.StartClusterAsync();
        return server;
    }

    /// <summary>A new database on this cluster, as a connection string: empty, or a copy of <paramref name="template"/>.</summary>
    /// <param name="template">A database nobody is connected to, copied file by file (much faster than filling it again).</param>
    public async Task<string> NewDatabaseAsync(string? template = null)
    {
        var name = $"portal_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..40];
        var copy = template is null ? string.Empty : $" TEMPLATE {template}";

        // Copied file by file rather than through the write-ahead log (the default since PostgreSQL 15, which also
        // brought the choice): about half the time for a database the size of the prepared one, and a run makes
        // hundreds (the checkpoint it asks for is cheap with fsync off).
        var strategy = _majorVersion >= 15 ? " STRATEGY FILE_COPY" : string.Empty;
        await RunAsync(Path.Combine(_binaries, "psql"), "-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-c", $"CREATE DATABASE {name}{copy}{strategy}");
        return $"Host=127.0.0.1;Port={Port};Username=postgres;Database={name};Pooling=true;Maximum Pool Size=30;Connection Idle Lifetime=10;Connection Pruning Interval=5";
    }

    /// <summary>
    /// Clusters whose test process is gone: a killed test host never runs its ProcessExit handler, and its cluster (about
    /// 1 GB with its databases) stayed on disk, still running, until the disk was full.
    /// </summary>
    private static async Task RemoveAbandonedClustersAsync(string binaries)
    {
        var parent = Path.Combine(Path.GetTempPath(), "portal-postgres");
        if (!Directory.Exists(parent))
        {
            return;
        }

        foreach (var folder in Directory.GetDirectories(parent))
        {
            var owner = Path.Combine(folder, OwnerFile);
            var abandoned = File.Exists(owner)
                ? !int.TryParse(await File.ReadAllTextAsync(owner), out var processId) || !Directory.Exists($"/proc/{processId}")
                : Directory.GetCreationTimeUtc(folder) < DateTime.UtcNow.AddMinutes(-10);
            if (!abandoned)
            {
                continue;
            }

            var abandonedServer = new PostgresServer(binaries, 0, folder);
            abandonedServer.Dispose();
        }
    }

    private const string OwnerFile = "owner-process";

    private async Task StartClusterAsync()
    {
        var data = Path.Combine(_root, "data");
        Directory.CreateDirectory(_root);
        await File.WriteAllTextAsync(Path.Combine(_root, OwnerFile), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (_asPostgresUser)
        {
            await RunAsync("/usr/bin/chown", "-R", "postgres:postgres", _root);
        }

        await RunAsync(Path.Combine(_binaries, "initdb"), "-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8");
        await RunAsync(
            Path.Combine(_binaries, "pg_ctl"), "-D", data, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60",
            "-o", $"-c listen_addresses=127.0.0.1 -p {Port} -k {_root} -c fsync=off -c max_connections=400", "start");
    }

    private async Task RunAsync(string program, params string[] arguments)
    {
        var start = _asPostgresUser && program != "/usr/bin/chown"
            ? new ProcessStartInfo("/usr/sbin/runuser", ["-u", "postgres", "--", program, .. arguments])
            : new ProcessStartInfo(program, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        if (program.EndsWith("psql", StringComparison.Ordinal))
        {
            start.Environment["PGCONNECT_TIMEOUT"] = "10";
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {await errors} {await output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        try
        {
            RunAsync(Path.Combine(_binaries, "pg_ctl"), "-D", Path.Combine(_root, "data"), "-m", "immediate", "-w", "stop").GetAwaiter().GetResult();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Left for the next run's sweep.
        }
    }
}
