using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using Portal.TestSupport;

namespace Portal.BrowserTests;

/// <summary>
/// The W3C Nu HTML checker (npm vnu-jar, under tools/html-checker; scripts/test.sh installs it) as a local web service
/// on loopback, started once for the test run: the checker auditors run, over the HTML the portal actually served.
/// </summary>
public sealed class NuHtmlChecker : IDisposable
{
    private static readonly Lazy<Task<NuHtmlChecker>> SharedChecker = new(async () =>
    {
        var checker = await StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => checker.Dispose();
        return checker;
    });

    private readonly Process _process;
    private readonly HttpClient _http;

    /// <summary>What the checker wrote, for the message when it does not start.</summary>
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _log = new();

    private NuHtmlChecker(Process process, int port)
    {
        _process = process;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(60) };

        // The checker refuses a request without one.
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("Familieportalen-browser-tests");
    }

    public static Task<NuHtmlChecker> Shared => SharedChecker.Value;

    /// <summary>The checker's errors for one document, each as "line N: message (extract)"; empty when it is valid.</summary>
    public async Task<IReadOnlyList<string>> ErrorsAsync(string html)
    {
        using var content = new StringContent(html, Encoding.UTF8, "text/html");
        using var response = await _http.PostAsync(new Uri("?out=json", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        var report = await response.Content.ReadFromJsonAsync<Report>() ?? throw new InvalidOperationException("The checker gave no report.");
        return [.. report.Messages.Where(message => message.Type is "error" or "non-document-error")
            .Select(message => $"line {message.LastLine}: {message.Message} ({message.Extract?.Trim()})")];
    }

    private static async Task<NuHtmlChecker> StartAsync()
    {
        var jar = Path.Combine(Repository.Root, "tools", "html-checker", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
        if (!File.Exists(jar))
        {
            throw new InvalidOperationException($"The Nu HTML checker is missing: npm ci --prefix tools/html-checker (scripts/test.sh does this). Looked for {jar}.");
        }

        var port = FreePort();
        var start = new ProcessStartInfo("java", ["-Dnu.validator.servlet.bind-address=127.0.0.1", "-cp", jar, "nu.validator.servlet.Main", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start java.");
        var checker = new NuHtmlChecker(process, port);
        process.OutputDataReceived += (_, line) => checker._log.Enqueue(line.Data ?? string.Empty);
        process.ErrorDataReceived += (_, line) => checker._log.Enqueue(line.Data ?? string.Empty);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // Ready when it checks a first document (about ten seconds: the JVM, then the schemas).
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                await checker.ErrorsAsync("<!DOCTYPE html><html lang=\"da\"><head><title>x</title></head><body></body></html>");
                return checker;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(500);
            }
            catch (HttpRequestException exception)
            {
                // Not left running: only a checker that started is stopped when the tests end.
                var log = string.Join('\n', checker._log.TakeLast(20));
                checker.Dispose();
                throw new InvalidOperationException($"The Nu HTML checker did not start: {log}", exception);
            }
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
        _http.Dispose();
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    private sealed record Report(List<ReportMessage> Messages);

    private sealed record ReportMessage(string Type, string Message, int LastLine, string? Extract);
}
