using Microsoft.Extensions.Options;
using Portal.Security;

namespace Portal.Counselling;

/// <summary>The device's own copy of the ticket code: HttpOnly, Secure, sent only to this site, so coming back shows the status at once.</summary>
public sealed class TicketCookie(IOptions<CounsellingOptions> options, IConfiguration configuration)
{
    private readonly bool _httpsOnly = SecuritySetup.HttpsOnly(configuration);

    public string Name => _httpsOnly ? "__Host-Familieportalen.Ticket" : "Familieportalen.Ticket";

    public string? Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Cookies.TryGetValue(Name, out var code) ? code : null;
    }

    public void Write(HttpResponse response, string code)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Append(Name, code, new CookieOptions
        {
            HttpOnly = true,
            Secure = _httpsOnly || response.HttpContext.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            IsEssential = true,
            MaxAge = options.Value.TicketCookieLifetime,
        });
    }

    public void Forget(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Delete(Name, new CookieOptions { Path = "/", Secure = _httpsOnly || response.HttpContext.Request.IsHttps });
    }
}
