using System.Net;

namespace Portal.Tests.Infrastructure;

/// <summary>A caseworker opens a case through the real form ("Opret sag"), which invites the family by mail.</summary>
public static class Cases
{
    /// <summary>Opens the case and returns the new child's id.</summary>
    public static async Task<Guid> CreateAsync(HttpClient caseworker, string name, string born, (string Name, string Email) first, (string Name, string Email)? second = null, string? youthEmail = null)
    {
        ArgumentNullException.ThrowIfNull(caseworker);
        var form = (await caseworker.GetPageAsync("/medarbejder/sager/ny")).Form();
        using var created = await caseworker.SubmitAsync(form, Form(name, born, first, second, youthEmail));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return Guid.Parse(created.Location().Split('/').Last());
    }

    /// <summary>The form's fields, for a test that posts it itself (to check a refusal).</summary>
    public static Dictionary<string, string> Form(string name, string born, (string Name, string Email) first, (string Name, string Email)? second, string? youthEmail) => new()
    {
        ["Input.ChildName"] = name,
        ["Input.DateOfBirth"] = born,
        ["Input.FirstHolderName"] = first.Name,
        ["Input.FirstHolderEmail"] = first.Email,
        ["Input.SecondHolderName"] = second?.Name ?? string.Empty,
        ["Input.SecondHolderEmail"] = second?.Email ?? string.Empty,
        ["Input.YouthEmail"] = youthEmail ?? string.Empty,
    };
}
