using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Consents;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Consents;

/// <summary>Caseworkers see consents, record oral answers, and can record sharing only while a consent is valid.</summary>
public sealed class StaffConsentTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    [Fact]
    public async Task An_oral_consent_is_marked_with_who_recorded_it_and_the_parent_can_revoke_it_in_the_portal()
    {
        var oskar = await _factory.ChildIdAsync("Oskar Jensen");
        var fatherId = await _factory.WithDbAsync(db => db.Users.Where(user => user.Email == DemoLogins.OtherParent).Select(user => user.Id).SingleAsync());
        using var caseworker = _factory.CreateClient();
        await caseworker.LogInAsync(DemoLogins.Caseworker);

        var page = await caseworker.GetPageAsync($"/medarbejder/sager/{oskar}/samtykke");
        using var recorded = await caseworker.SubmitAsync(page.Form(), new Dictionary<string, string>
        {
            ["Input.Consent"] = "HealthVisitors|InformationExchange",
            ["Input.PartyId"] = fatherId,
            ["Input.Action"] = "Given",
        });
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var staffView = await caseworker.GetPageAsync($"/medarbejder/sager/{oskar}/samtykke");
        Assert.Contains("Anders Jensen gav samtykke: Kommunen og Sundhedsplejen må udveksle oplysninger om Oskar Jensen (mundtligt, registreret af Lars Holm, tekst version 2026.1).", staffView.MainText(), StringComparison.Ordinal);
        Assert.Contains("Mangler ja fra: Sofie Jensen", staffView.MainText(), StringComparison.Ordinal);

        using var father = _factory.CreateClient();
        await father.LogInAsync(DemoLogins.OtherParent);
        var familyView = await father.GetPageAsync($"/samtykke/{oskar}");
        Assert.Contains("Du gav samtykke: Kommunen og Sundhedsplejen må udveksle oplysninger om Oskar Jensen (mundtligt, registreret af Lars Holm).", familyView.MainText(), StringComparison.Ordinal);
        var revoke = await father.GetPageAsync($"/samtykke/{oskar}/HealthVisitors/InformationExchange/traek-tilbage");
        using var revoked = await father.SubmitAsync(revoke.Form());
        Assert.StartsWith("/samtykke/kvittering/", revoked.Location(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sharing_is_refused_naming_who_has_not_consented_and_allowed_once_both_have()
    {
        var oskar = await _factory.ChildIdAsync("Oskar Jensen");
        using var caseworker = _factory.CreateClient();
        await caseworker.LogInAsync(DemoLogins.Caseworker);
        var sharing = await caseworker.GetPageAsync($"/medarbejder/sager/{oskar}/samtykke/deling");

        using var refused = await caseworker.SubmitAsync(sharing.Form(), new Dictionary<string, string> { ["Input.Partner"] = "HealthVisitors", ["Input.What"] = "Oskars vægtkurve" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusal = (await Html.ReadAsync(refused)).QuerySelector("#error-summary")?.TextContent ?? string.Empty;
        Assert.True(refusal.Contains("Mangler svar fra: Sofie Jensen, Anders Jensen", StringComparison.Ordinal) || refusal.Contains("Mangler svar fra: Anders Jensen, Sofie Jensen", StringComparison.Ordinal), refusal);

        foreach (var parent in new[] { DemoLogins.Parent, DemoLogins.OtherParent })
        {
            using var client = _factory.CreateClient();
            await client.LogInAsync(parent);
            var give = await client.GetPageAsync($"/samtykke/{oskar}/HealthVisitors/InformationExchange/giv");
            using var given = await client.SubmitAsync(give.Form());
            Assert.Equal(HttpStatusCode.Redirect, given.StatusCode);
        }

        using var allowed = await caseworker.SubmitAsync(sharing.Form(), new Dictionary<string, string> { ["Input.Partner"] = "HealthVisitors", ["Input.What"] = "Oskars vægtkurve" });
        Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        var history = await caseworker.GetPageAsync($"/medarbejder/sager/{oskar}/samtykke");
        Assert.Contains("Lars Holm delte oplysninger med Sundhedsplejen: Oskars vægtkurve", history.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoke_racing_a_share_wins_for_anything_after_it()
    {
        var oskar = await _factory.ChildIdAsync("Oskar Jensen");
        using var mother = _factory.CreateClient();
        using var father = _factory.CreateClient();
        using var caseworker = _factory.CreateClient();
        await mother.LogInAsync(DemoLogins.Parent);
        await father.LogInAsync(DemoLogins.OtherParent);
        await caseworker.LogInAsync(DemoLogins.Caseworker);
        foreach (var parent in new[] { mother, father })
        {
            using var given = await parent.SubmitAsync((await parent.GetPageAsync($"/samtykke/{oskar}/HealthVisitors/InformationExchange/giv")).Form());
        }

        var revokeForm = (await mother.GetPageAsync($"/samtykke/{oskar}/HealthVisitors/InformationExchange/traek-tilbage")).Form();
        var shareForm = (await caseworker.GetPageAsync($"/medarbejder/sager/{oskar}/samtykke/deling")).Form();
        var shares = Enumerable.Range(0, 6).Select(index => caseworker.SubmitAsync(shareForm, new Dictionary<string, string> { ["Input.Partner"] = "HealthVisitors", ["Input.What"] = $"Oplysning {index}" })).ToList();
        var revoke = mother.SubmitAsync(revokeForm);
        var responses = await Task.WhenAll(shares.Append(revoke));

        var consent = await _factory.WithDbAsync(db => db.Consents.WithWholeHistory().SingleAsync(item => item.ChildId == oskar && item.Purpose == Portal.Domain.Consents.ConsentPurpose.InformationExchange));
        var revokedAt = consent.Decisions.Single(decision => decision.Action == Portal.Domain.Consents.ConsentAction.Revoked).At;
        Assert.All(consent.Shares, share => Assert.True(share.At <= revokedAt));
        foreach (var response in responses)
        {
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK);
            response.Dispose();
        }
    }

    public void Dispose()
    {
        _factory.Dispose();
        _factory.DeleteDataFolder();
    }
}
