using System.Net;
using Portal.Data;

namespace Portal.Tests.Infrastructure;

/// <summary>Logs in through the real login form, as a person would.</summary>
public static class DemoLogins
{
    public const string Password = DemoData.DefaultPassword;

    public static string Parent => DemoData.Users[0].Email;

    public static string OtherParent => DemoData.Users[1].Email;

    public static string Youth => DemoData.Users[2].Email;

    public static string Caseworker => DemoData.Users[3].Email;

    /// <summary>Pia Holm, Emma's teacher: she reads Emma's plan on the basis the caseworker recorded.</summary>
    public static string Teacher => DemoData.Users[6].Email;

    /// <summary>Birgit Dahl, Oskar's health visitor: she reads his plan only while his parents consent.</summary>
    public static string HealthVisitor => DemoData.Users[7].Email;

    public static async Task<HttpResponseMessage> TryLogInAsync(this HttpClient client, string email, string password, string? returnUrl = null)
    {
        var url = "/Identity/Account/Login" + (returnUrl is null ? string.Empty : "?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var page = await client.GetPageAsync(url);
        return await client.SubmitAsync(page.Form("main form:not([action*='handler=MitId'])"), new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
    }

    public static async Task LogInAsync(this HttpClient client, string email, string password = Password)
    {
        using var response = await client.TryLogInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Location());
    }
}
