using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using Portal.TestSupport;

namespace Portal.BrowserTests;

/// <summary>
/// The real portal on Kestrel over HTTPS (a throw-away self-signed certificate), with production settings and demo data,
/// and Debian's Chromium driven by Playwright.
/// </summary>
public class PortalServer : IAsyncLifetime, IDisposable
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "portal-browser-tests", Guid.NewGuid().ToString("N"));
    private Factory _factory = null!;
    private readonly X509Certificate2 _certificate = SelfSignedCertificate();
    private IPlaywright? _playwright;

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>A real SMTP server on loopback that receives every email the portal sends.</summary>
    public SmtpServer Smtp { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Smtp = await SmtpServer.StartAsync();
        // The portal's public address must be known before it starts (links in mail are built from it): take a free port first.
        var port = FreePort();
        BaseAddress = new Uri($"https://localhost:{port}/");
        _factory = new Factory(_dataFolder, Smtp.Port, BaseAddress, Environment, ConfigureServices);
        _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen => listen.UseHttps(_certificate)));
        _factory.StartServer();

        // Debian's build of Chromium's headless shell: the same Blink as /usr/bin/chromium without the desktop browser
        // around it, as Playwright's own headless mode runs. The full browser took about two thirds of the run's CPU.
        const string chromium = "/usr/bin/chromium-headless-shell";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"Debian's Chromium headless shell is required: apt-get install -y chromium-headless-shell (scripts/test.sh does this). Looked for {chromium}.");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh phone: 360×740, Danish, touch, no cookies.</summary>
    public async Task<IPage> NewPhoneAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            IsMobile = true,
            HasTouch = true,
            Locale = "da-DK",
            IgnoreHTTPSErrors = true,
        });
        var page = await context.NewPageAsync();
        Phone.KeepDocuments(page);
        return page;
    }

    /// <summary>"Testing": cookies and error pages as in production. The MitID test provider needs Development.</summary>
    protected virtual string Environment => "Testing";

    /// <summary>The throw-away certificate the portal serves, for a test that must trust it outside the browser.</summary>
    protected X509Certificate2 Certificate => _certificate;

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _factory.DisposeAsync();
        Smtp.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    public void Dispose()
    {
        _factory.Dispose();
        _certificate.Dispose();
        GC.SuppressFinalize(this);
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), password: null);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Factory(string dataFolder, int smtpPort, Uri publicAddress, string environment, Action<IServiceCollection> configureServices) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(environment);

            // The build's static files as `dotnet run` serves them, Brotli and gzip copies included (they are made under
            // obj/, and a published app has them in wwwroot). Without this, outside Development the browser's
            // "Accept-Encoding: br" was answered with a compressed copy that was not there, and pages came unstyled.
            builder.UseStaticWebAssets();
            builder.UseSetting("Security:HttpsOnly", "true");
            foreach (var (key, value) in TestMunicipality.Settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(configureServices);
            builder.UseSetting("Portal:PublicBaseUrl", publicAddress.ToString());
            builder.UseSetting("Mail:Transport", "Smtp");
            builder.UseSetting("Mail:Smtp:Host", "127.0.0.1");
            builder.UseSetting("Mail:Smtp:Port", smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Mail:Smtp:Security", "None");
            builder.UseSetting("Mail:PollInterval", "00:00:00.200");
            builder.UseSetting("Database:DataFolder", dataFolder);
            builder.UseSetting("Portal:SeedDemoData", "true");
            builder.UseSetting("RateLimits:AccountPermitsPerMinute", "1000");
            builder.UseSetting("RateLimits:LinkPermitsPerMinute", "1000");
        }
    }
}
