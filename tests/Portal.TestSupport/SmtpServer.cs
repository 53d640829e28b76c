using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Portal.TestSupport;

/// <summary>
/// A real SMTP server on loopback: Debian's python3-aiosmtpd, storing each message as a file in a maildir.
/// Stop and start it again on the same port to simulate an outage.
/// </summary>
public sealed class SmtpServer : IDisposable
{
    private const string Python = "/usr/bin/python3";
    private Process? _process;
    private int _run;

    private SmtpServer(int port)
    {
        Port = port;
        Root = Path.Combine(Path.GetTempPath(), "portal-smtp", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public int Port { get; }

    public string Root { get; }

    /// <summary>The portal's settings for sending to this server: plain SMTP on loopback.</summary>
    public Dictionary<string, string?> PortalSettings() => new()
    {
        ["Mail:Transport"] = "Smtp",
        ["Mail:Smtp:Host"] = "127.0.0.1",
        ["Mail:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Smtp:Security"] = "None",
    };

    public static async Task<SmtpServer> StartAsync()
    {
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException("Debian's python3 with python3-aiosmtpd is required: apt-get install -y python3-aiosmtpd (scripts/test.sh does this).");
        }

        var server = new SmtpServer(FreePort());
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts the server (again). Each run gets its own maildir, since aiosmtpd wants a folder that does not exist yet.</summary>
    public async Task StartAgainAsync()
    {
        var mailbox = Path.Combine(Root, $"run{++_run}");
        var start = new ProcessStartInfo(Python, ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", mailbox])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start aiosmtpd.");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("aiosmtpd stopped at once: " + await _process.StandardError.ReadToEndAsync());
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException("aiosmtpd did not start listening.");
    }

    public void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Every message received over all runs, as raw files.</summary>
    public IReadOnlyList<string> ReceivedFiles() =>
        [.. Directory.EnumerateDirectories(Root)
            .Select(run => Path.Combine(run, "new"))
            .Where(Directory.Exists)
            .SelectMany(Directory.EnumerateFiles)];

    public async Task<IReadOnlyList<MimeKit.MimeMessage>> WaitForMessagesAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (ReceivedFiles().Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var messages = new List<MimeKit.MimeMessage>();
        foreach (var file in ReceivedFiles())
        {
            messages.Add(await MimeKit.MimeMessage.LoadAsync(file));
        }

        return messages;
    }

    /// <summary>The first message to this address, waiting for it to arrive; other mail on the same server does not count.</summary>
    public async Task<MimeKit.MimeMessage> WaitForMessageToAsync(string address, TimeSpan timeout) =>
        (await WaitForMessagesToAsync(address, 1, timeout))[0];

    /// <summary>Every message to this address once at least <paramref name="count"/> have arrived, in the order received.</summary>
    public async Task<IReadOnlyList<MimeKit.MimeMessage>> WaitForMessagesToAsync(string address, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var messages = new List<(DateTime Received, MimeKit.MimeMessage Message)>();
            foreach (var file in ReceivedFiles())
            {
                var message = await MimeKit.MimeMessage.LoadAsync(file);
                if (message.To.Mailboxes.Any(mailbox => string.Equals(mailbox.Address, address, StringComparison.OrdinalIgnoreCase)))
                {
                    messages.Add((File.GetLastWriteTimeUtc(file), message));
                }
            }

            if (messages.Count >= count)
            {
                return [.. messages.OrderBy(item => item.Received).Select(item => item.Message)];
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Expected {count} message(s) to {address}, found {messages.Count}.");
            }

            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        Stop();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
