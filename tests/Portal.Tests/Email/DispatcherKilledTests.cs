using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Email;
using Portal.Tests.Infrastructure;
using Portal.TestSupport;

namespace Portal.Tests.Email;

/// <summary>
/// The portal as its own process, sending mail to a real SMTP server, killed with SIGKILL in the middle of a dispatch
/// round: no chance to record anything. Another instance on the same database takes over.
/// </summary>
public sealed class DispatcherKilledTests : IDisposable
{
    private const int Messages = 400;
    private const int ParallelSends = 4;

    private static readonly System.Collections.Concurrent.ConcurrentQueue<string> Output = new();

    private readonly List<IDisposable> _cleanup = [];

    [Fact]
    public async Task An_instance_killed_while_sending_loses_nothing_and_only_what_was_on_the_wire_can_arrive_twice()
    {
        var smtp = Keep(await SmtpServer.StartAsync());
        var mail = new Dictionary<string, string?>(smtp.PortalSettings())
        {
            ["Mail:PollInterval"] = "00:00:00.100",
            ["Mail:Smtp:Timeout"] = "00:00:01",
            ["Mail:Lease"] = "00:00:04",
            ["Mail:ParallelSends"] = ParallelSends.ToString(CultureInfo.InvariantCulture),
        };

        // The database, prepared by a portal that is then stopped, and filled while no portal runs.
        var database = PortalFactory.With(new Dictionary<string, string?> { ["Portal:SeedDemoData"] = "false" });
        _ = database.Services;
        database.Dispose();
        await using (var db = OpenWithoutPortal(database))
        {
            for (var index = 0; index < Messages; index++)
            {
                db.OutboxMessages.Add(OutboxMessage.Create(new EmailMessage($"person{index}@example.dk", $"Besked {index}", "Hej", "<p>Hej</p>"), DateTimeOffset.UtcNow));
            }

            await db.SaveChangesAsync();
        }

        // Instance A, a real process, sends until it is killed part way.
        using (var a = StartPortalProcess(database, mail))
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (smtp.ReceivedFiles().Count < Messages / 10)
            {
                if (a.HasExited)
                {
                    Assert.Fail("The portal process ended by itself: " + await a.StandardError.ReadToEndAsync() + string.Join("\n", Output));
                }

                Assert.True(DateTime.UtcNow < deadline, "The portal process sent nothing.");
                await Task.Delay(10);
            }

            a.Kill();
            await a.WaitForExitAsync();
        }

        var atKill = smtp.ReceivedFiles().Count;
        Assert.InRange(atKill, Messages / 10, Messages - 1);

        // Instance B takes over what A never sent, and, once their lease ends, what A had taken.
        using var b = PortalFactory.With(mail, database.DataFolder);
        _ = b.Services;
        var finished = DateTime.UtcNow.AddSeconds(90);
        while (await b.WithDbAsync(db => db.OutboxMessages.CountAsync(message => message.SentAt == null)) > 0)
        {
            if (DateTime.UtcNow > finished)
            {
                var left = await b.WithDbAsync(db => db.OutboxMessages.Where(message => message.SentAt == null).Select(message => new { message.Attempts, message.LastError, message.NextAttemptAt }).ToListAsync());
                Assert.Fail($"{left.Count} mail(s) never sent after the kill; received {smtp.ReceivedFiles().Count}; {string.Join(", ", left.Take(3))}; {string.Join("\n", b.Logs.Lines.Where(line => line.Contains("Outbox", StringComparison.Ordinal) || line.Contains("fail", StringComparison.OrdinalIgnoreCase)).TakeLast(8))}");
            }

            await Task.Delay(200);
        }

        var received = await smtp.WaitForMessagesAsync(Messages, TimeSpan.FromSeconds(5));
        var ids = received.Select(message => message.MessageId).ToList();
        Assert.Equal(Messages, ids.Distinct().Count());

        // A message that was on the wire when A died reached the server without A recording it: only those, at most one per
        // parallel send, arrive a second time, with the same Message-ID for the receiver to drop.
        Assert.InRange(ids.Count - Messages, 0, ParallelSends);
    }

    [Fact]
    public async Task A_message_being_sent_when_an_instance_stops_is_sent_by_the_next_at_once_not_after_its_lease()
    {
        // A mail server that accepts the connection and never answers: the send hangs until the instance stops.
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var stopping = PortalFactory.With(new Dictionary<string, string?>
        {
            ["Portal:SeedDemoData"] = "false",
            ["Mail:Transport"] = "Smtp",
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture),
            ["Mail:Smtp:Security"] = "None",
            ["Mail:Smtp:Timeout"] = "00:00:30",
            ["Mail:Lease"] = "00:05:00",
        });
        var id = await stopping.WithDbAsync(async db =>
        {
            var message = OutboxMessage.Create(new EmailMessage("stoppet@example.dk", "Stoppet", "Hej", "<p>Hej</p>"), DateTimeOffset.UtcNow);
            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync();
            return message.Id;
        });
        var claimed = DateTime.UtcNow.AddSeconds(20);
        while (await stopping.WithDbAsync(db => db.OutboxMessages.Where(message => message.Id == id).Select(message => message.NextAttemptAt).SingleAsync()) is not { } leasedUntil
            || leasedUntil < DateTimeOffset.UtcNow.AddMinutes(1))
        {
            Assert.True(DateTime.UtcNow < claimed, "The dispatcher never took the message.");
            await Task.Delay(100);
        }

        stopping.Dispose();

        using var next = PortalFactory.With(new Dictionary<string, string?> { ["Portal:SeedDemoData"] = "false" }, stopping.DataFolder);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await next.WithDbAsync(db => db.OutboxMessages.Where(message => message.Id == id).Select(message => message.SentAt).SingleAsync()) is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "The message waited for the stopped instance's lease.");
            await Task.Delay(200);
        }
    }

    public void Dispose()
    {
        foreach (var item in Enumerable.Reverse(_cleanup))
        {
            item.Dispose();
        }
    }

    private T Keep<T>(T item)
        where T : IDisposable
    {
        _cleanup.Add(item);
        return item;
    }

    private static PortalDbContext OpenWithoutPortal(PortalFactory database) => database.PostgresConnectionString is { } postgres
        ? new PostgresPortalDbContext(new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql(postgres).Options)
        : new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite($"Data Source={Path.Combine(database.DataFolder, "portal.db")}").Options);

    private static Process StartPortalProcess(PortalFactory sameDatabase, IDictionary<string, string?> settings)
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var project = Path.Combine(Repository.Root, "src", "Portal");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(project, "bin", configuration, "net10.0", "Portal.dll"), "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var environment = new Dictionary<string, string?>(settings)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["Portal:PublicBaseUrl"] = "https://localhost",
            ["Portal:SeedDemoData"] = "false",
            ["Database:DataFolder"] = sameDatabase.DataFolder,
            ["Counselling:HousekeepingInterval"] = "00:00:00",
            ["Portal:ConsentReminderInterval"] = "00:00:00",
        };
        foreach (var (key, value) in TestMunicipality.Settings)
        {
            environment[key] = value;
        }

        if (sameDatabase.PostgresConnectionString is { } postgres)
        {
            environment["Database:Provider"] = "PostgreSQL";
            environment["ConnectionStrings:Portal"] = postgres;
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the portal.");
        process.OutputDataReceived += (_, line) => Output.Enqueue(line.Data ?? string.Empty);
        process.BeginOutputReadLine();
        return process;
    }
}
