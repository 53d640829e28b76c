using System.Globalization;
using System.Threading.RateLimiting;

namespace Portal.Security;

/// <summary>What every limit in the portal shares: who the client is, the budget's window, and how a refusal is answered.</summary>
public static class ClientLimits
{
    /// <summary>
    /// The client's address. Behind the proxy that is the address the proxy forwarded (see <see cref="ForwardedHeadersSetup"/>);
    /// each instance counts for itself, so the budget a client gets is per instance.
    /// </summary>
    public static string Address(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }

    public static FixedWindowRateLimiterOptions PerMinute(int permits) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };

    /// <summary>Whole seconds to wait, at least one, as Retry-After and the messages say it.</summary>
    public static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    /// <summary>Answers 429 with Retry-After; returns the seconds, for the message the page shows.</summary>
    public static int TooManyTries(HttpResponse response, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(response);
        var seconds = Seconds(wait);
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return seconds;
    }
}
