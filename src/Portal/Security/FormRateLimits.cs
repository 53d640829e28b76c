using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;

namespace Portal.Security;

/// <summary>
/// Marks a page whose answers (POSTs) are limited per client address, with the budget of <paramref name="policy"/>
/// (<see cref="SecuritySetup.AccountPolicy"/> or <see cref="SecuritySetup.CounsellingPolicy"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class FormRateLimitAttribute(string policy) : Attribute
{
    public string Policy => policy;
}

/// <summary>
/// Rate limits for forms with typed input. A refused answer is not thrown away with a bare error page: the form is shown
/// again with 429 and Retry-After, a message saying how long to wait, and what the person typed (a password field is
/// never filled in again). Every such handler starts with "invalid → return Page()", so nothing else happens. Counted per
/// client address (behind the proxy the forwarded one), in memory, per instance.
/// </summary>
public sealed class FormRateLimits : IAsyncPageFilter, IDisposable
{
    private readonly Dictionary<string, PartitionedRateLimiter<string>> _limiters;

    public FormRateLimits(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _limiters = new()
        {
            [SecuritySetup.AccountPolicy] = PerAddress(configuration.GetValue("RateLimits:AccountPermitsPerMinute", 10)),
            [SecuritySetup.CounsellingPolicy] = PerAddress(configuration.GetValue("Counselling:PermitsPerMinute", 20)),
        };
    }

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method) || http.GetEndpoint()?.Metadata.GetMetadata<FormRateLimitAttribute>() is not { } limit)
        {
            await next();
            return;
        }

        using var lease = _limiters[limit.Policy].AttemptAcquire(ClientLimits.Address(http));
        if (!lease.IsAcquired)
        {
            var seconds = ClientLimits.TooManyTries(http.Response, lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1));
            var text = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            context.ModelState.AddModelError(string.Empty, text["Form.TooManyTries", seconds]);
        }

        await next();
    }

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            limiter.Dispose();
        }
    }

    private static PartitionedRateLimiter<string> PerAddress(int permitsPerMinute) =>
        PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ => ClientLimits.PerMinute(permitsPerMinute)));
}
