using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Families;
using Portal.Domain.Plans;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Consents;

/// <summary>Ida turns 15 on 1 December 2026. The decision passes to her at midnight, Danish time, and she reviews the consents once.</summary>
public sealed class FifteenthBirthdayTests : IDisposable
{
    // 30 November 2026, 22:30 UTC = 23:30 in Copenhagen: still 14.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 22, 30, 0, TimeSpan.Zero));
    private readonly PortalFactory _factory;

    public FifteenthBirthdayTests() => _factory = new PortalFactory { Clock = _clock };

    [Fact]
    public async Task At_midnight_in_Copenhagen_the_consents_become_Ida_s_and_she_keeps_or_withdraws_each_once()
    {
        var ida = await AddIdaAsync();
        foreach (var parent in new[] { DemoLogins.Parent, DemoLogins.OtherParent })
        {
            using var client = _factory.CreateClient();
            await client.LogInAsync(parent);
            foreach (var partnerAndPurpose in new[] { "HealthVisitors/NetworkMeetings", "OpenCounselling/NetworkMeetings" })
            {
                using var given = await client.SubmitAsync((await client.GetPageAsync($"/samtykke/{ida}/{partnerAndPurpose}/giv")).Form());
                Assert.Equal(HttpStatusCode.Redirect, given.StatusCode);
            }
        }

        using (var before = _factory.CreateClient())
        {
            await before.LogInAsync("ida@example.dk");
            var home = await before.GetAsync(new Uri("/", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            var idaView = await before.GetPageAsync($"/samtykke/{ida}");
            Assert.DoesNotContain(idaView.QuerySelectorAll("main a"), link => link.TextContent == "Giv samtykke");

            // Ida reads about her parents in her own words.
            var history = idaView.QuerySelectorAll("main ol li").Select(line => line.TextContent).ToList();
            Assert.Equal(4, history.Count(line => line.Contains("Din mor eller far gav samtykke", StringComparison.Ordinal)));
            Assert.DoesNotContain(history, line => line.Contains("anden forælder", StringComparison.Ordinal));
        }

        // 23:00 UTC = 00:00 on 1 December in Copenhagen: Ida is 15, though it is still 30 November in UTC.
        _clock.Advance(TimeSpan.FromMinutes(30));
        using var idaClient = _factory.CreateClient();
        await idaClient.LogInAsync("ida@example.dk");
        using var start = await idaClient.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal($"/samtykke/{ida}/gennemgang", start.Location());

        var review = await idaClient.GetPageAsync(start.Location());
        Assert.Equal("Nu bestemmer du selv", review.QuerySelector("h1")?.TextContent);
        Assert.Equal(4, review.QuerySelectorAll("main fieldset").Length);
        using var incomplete = await idaClient.SubmitAsync(review.Form(), new Dictionary<string, string> { ["Input.Choices[0].Keep"] = "true" });
        Assert.Contains("Vælg ja eller nej ved hvert samtykke.", (await Html.ReadAsync(incomplete)).QuerySelector("#error-summary")?.TextContent, StringComparison.Ordinal);

        using var saved = await idaClient.SubmitAsync(review.Form(), new Dictionary<string, string>
        {
            ["Input.Choices[0].Keep"] = "true",
            ["Input.Choices[1].Keep"] = "false",
            ["Input.Choices[2].Keep"] = "false",
            ["Input.Choices[3].Keep"] = "false",
        });
        Assert.Equal($"/samtykke/{ida}", saved.Location());

        // One receipt sums up her four answers, instead of four receipts. (The four were saved at once, so a second
        // mail would have been sent in the same round; the wait makes sure of it.)
        var summary = Assert.Single(await _factory.WaitForMailAsync("ida@example.dk"));
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Single(await _factory.WaitForMailAsync("ida@example.dk"));
        Assert.Equal("Kvittering: Du har taget stilling til dine samtykker", summary.Subject);
        Assert.Contains("Du har svaret på 4 samtykker:", summary.TextBody, StringComparison.Ordinal);
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(summary.TextBody!, "^Ja: .* – gælder til ", System.Text.RegularExpressions.RegexOptions.Multiline));
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(summary.TextBody!, "^Nej: ", System.Text.RegularExpressions.RegexOptions.Multiline));

        var consents = await idaClient.GetPageAsync($"/samtykke/{ida}");
        Assert.StartsWith("Gælder", consents.QuerySelectorAll("main .card p")[0].TextContent, StringComparison.Ordinal);

        // Once is enough: the start page no longer sends her to the review, and the review page is gone.
        using var again = await idaClient.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using var reviewAgain = await idaClient.GetAsync(new Uri($"/samtykke/{ida}/gennemgang", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, reviewAgain.StatusCode);

        using var mother = _factory.CreateClient();
        await mother.LogInAsync(DemoLogins.Parent);
        var parentView = await mother.GetPageAsync($"/samtykke/{ida}");
        Assert.Contains("Ida Jensen er fyldt 15 år og bestemmer nu selv", parentView.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_the_15th_birthday_the_reminder_before_expiry_goes_to_Ida_not_to_her_parents()
    {
        var ida = await AddIdaAsync();
        foreach (var parent in new[] { DemoLogins.Parent, DemoLogins.OtherParent })
        {
            using var client = _factory.CreateClient();
            await client.LogInAsync(parent);
            using var given = await client.SubmitAsync((await client.GetPageAsync($"/samtykke/{ida}/HealthVisitors/NetworkMeetings/giv")).Form());
            Assert.Equal(HttpStatusCode.Redirect, given.StatusCode);
        }

        // On her birthday Ida keeps the consent: her own yes, for a year from then.
        _clock.Advance(TimeSpan.FromHours(1));
        using (var idaClient = _factory.CreateClient())
        {
            await idaClient.LogInAsync("ida@example.dk");
            var review = await idaClient.GetPageAsync($"/samtykke/{ida}/gennemgang");
            var choices = review.QuerySelectorAll("main fieldset").Select((_, index) => KeyValuePair.Create($"Input.Choices[{index}].Keep", index == 0 ? "true" : "false"));
            using var saved = await idaClient.SubmitAsync(review.Form(), new Dictionary<string, string>(choices));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var reminders = _factory.Services.GetRequiredService<Portal.Consents.ConsentReminderService>();
        _clock.Advance(TimeSpan.FromDays(360));
        Assert.Equal(1, await reminders.SendDueRemindersAsync(CancellationToken.None));

        // Ida's receipts from her review may arrive first: wait for the reminder itself.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        MimeKit.MimeMessage? reminder;
        while ((reminder = (await _factory.WaitForMailAsync("ida@example.dk")).SingleOrDefault(mail => mail.Subject == "Et samtykke udløber snart")) is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.NotNull(reminder);
        Assert.Contains("Hej Ida Jensen", reminder.TextBody, StringComparison.Ordinal);
        foreach (var parent in new[] { DemoLogins.Parent, DemoLogins.OtherParent })
        {
            Assert.DoesNotContain(await _factory.WaitForMailAsync(parent), mail => mail.Subject == "Et samtykke udløber snart");
        }
    }

    private async Task<Guid> AddIdaAsync()
    {
        var idaUser = await _factory.CreateUserAsync("ida@example.dk", "Ida Jensen", Roles.Youth);
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var parents = await db.Users.Where(user => user.Email == DemoLogins.Parent || user.Email == DemoLogins.OtherParent).Select(user => user.Id).ToListAsync();
        var caseworker = await db.Users.Where(user => user.Email == DemoLogins.Caseworker).Select(user => user.Id).SingleAsync();
        var today = DanishTime.Today(_clock);
        var ida = new Child("Ida Jensen", new DateOnly(2011, 12, 1), today);
        parents.ForEach(ida.AddCustodyHolder);
        ida.LinkYouthAccount(idaUser, today, minimumAge: 12);
        ida.AssignCaseworker(caseworker);
        db.Children.Add(ida);
        db.Plans.Add(Plan.StartFor(ida.Id, new Actor(caseworker, "Lars Holm", ActorRole.Caseworker), _clock.GetUtcNow()));
        await db.SaveChangesAsync();
        return ida.Id;
    }

    public void Dispose()
    {
        _factory.Dispose();
        _factory.DeleteDataFolder();
    }
}
