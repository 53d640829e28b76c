using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Portal.Data;
using Portal.Email;
using Portal.Tests.Infrastructure;
using Portal.TestSupport;

namespace Portal.Tests.Data;

/// <summary>Two copies of the portal on one PostgreSQL database, as a municipality runs it behind its proxy.</summary>
public sealed class TwoInstanceTests : IDisposable
{
    private readonly List<PortalFactory> _factories = [];

    [Fact]
    public async Task Two_instances_starting_at_once_on_an_empty_database_prepare_it_once_and_are_both_ready()
    {
        var (a, b) = Pair();

        await Task.WhenAll(Task.Run(() => a.Services), Task.Run(() => b.Services));

        Assert.Equal(DemoData.Users.Count, await a.WithDbAsync(db => db.Users.CountAsync()));
        Assert.Equal(Roles.All.Count, await a.WithDbAsync(db => db.Roles.CountAsync()));
        foreach (var factory in new[] { a, b })
        {
            using var client = factory.CreateClient();
            using var ready = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }
    }

    [Fact]
    public async Task A_login_made_on_one_instance_opens_the_plan_on_the_other_and_a_form_from_one_posts_to_the_other()
    {
        var (a, b) = Pair();
        var cookies = new CookieContainer();
        using var onA = a.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));
        using var onB = b.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));
        var emma = await a.ChildIdAsync("Emma Jensen");

        using var loggedIn = await onA.TryLogInAsync(DemoLogins.Parent, DemoLogins.Password);
        Assert.Equal("/", loggedIn.Location());
        var plan = await onB.GetPageAsync($"/plan/{emma}");
        Assert.Contains("Emma", plan.QuerySelector("h1")?.TextContent, StringComparison.Ordinal);

        var words = await onA.GetPageAsync($"/plan/{emma}/mine-ord");
        using var saved = await onB.SubmitAsync(words.Form(), new Dictionary<string, string>
        {
            ["Input.Kind"] = "WishBeforeMeeting",
            ["Input.Text"] = "Skrevet på den ene, gemt af den anden",
        });
        Assert.Equal($"/plan/{emma}", saved.Location());
        Assert.Contains("Skrevet på den ene, gemt af den anden", (await onA.GetPageAsync($"/plan/{emma}")).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_hundred_people_asking_at_once_on_both_instances_get_places_1_to_200_in_the_order_they_asked()
    {
        var (a, b) = Pair();
        await Task.WhenAll(Task.Run(() => a.Services), Task.Run(() => b.Services));
        var numbers = new List<long>();

        // Four waves of 50, each spread over both instances: every wave is answered before the next asks, so every
        // number in a wave must be above every number in the one before.
        for (var wave = 0; wave < 4; wave++)
        {
            var asked = await Task.WhenAll(Enumerable.Range(0, 50).Select(person => AskAsync(person % 2 == 0 ? a : b)));
            Assert.True(numbers.Count == 0 || asked.Min() > numbers.Max(), $"Wave {wave} was numbered before an earlier one.");
            numbers.AddRange(asked);
        }

        Assert.Equal(Enumerable.Range(1, 200).Select(number => (long)number), numbers.Order());
    }

    [Fact]
    public async Task With_both_dispatchers_running_a_hundred_mails_arrive_exactly_once_each()
    {
        using var smtp = await SmtpServer.StartAsync();
        var mail = smtp.PortalSettings();
        mail["Mail:PollInterval"] = "00:00:00.100";
        var (a, b) = Pair(mail);
        await Task.WhenAll(Task.Run(() => a.Services), Task.Run(() => b.Services));

        await a.WithDbAsync(async db =>
        {
            for (var index = 0; index < 100; index++)
            {
                db.OutboxMessages.Add(OutboxMessage.Create(new EmailMessage($"person{index}@example.dk", $"Besked {index}", "Hej", "<p>Hej</p>"), DateTimeOffset.UtcNow));
            }

            return await db.SaveChangesAsync();
        });

        var received = await smtp.WaitForMessagesAsync(100, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(2));
        received = await smtp.WaitForMessagesAsync(100, TimeSpan.Zero);

        Assert.Equal(100, received.Count);
        Assert.Equal(100, received.Select(message => message.Subject).Distinct().Count());
        Assert.Equal(100, await a.WithDbAsync(db => db.OutboxMessages.CountAsync(message => message.SentAt != null)));
    }

    [Fact]
    public async Task A_message_taken_by_an_instance_that_died_is_sent_by_the_other_when_its_lease_ends()
    {
        var (a, b) = Pair(new Dictionary<string, string?> { ["Mail:PollInterval"] = "00:00:00.100" });
        await Task.WhenAll(Task.Run(() => a.Services), Task.Run(() => b.Services));
        var id = await a.WithDbAsync(async db =>
        {
            // As a dispatcher leaves it when it is killed after taking the message and before recording the outcome.
            var message = OutboxMessage.Create(new EmailMessage("forladt@example.dk", "Forladt", "Hej", "<p>Hej</p>"), DateTimeOffset.UtcNow);
            message.Lease(DateTimeOffset.UtcNow.AddSeconds(2));
            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync();
            return message.Id;
        });

        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Null(await b.WithDbAsync(db => db.OutboxMessages.Where(message => message.Id == id).Select(message => message.SentAt).SingleAsync()));

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await b.WithDbAsync(db => db.OutboxMessages.Where(message => message.Id == id).Select(message => message.SentAt).SingleAsync()) is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "The message was never sent after its lease ended.");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task The_same_form_sent_to_both_instances_at_once_makes_one_meeting_and_no_error_page()
    {
        var (a, b) = Pair();
        var cookies = new CookieContainer();
        using var onA = a.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));
        using var onB = b.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));
        var oskar = await a.ChildIdAsync("Oskar Jensen");
        await onA.LogInAsync(DemoLogins.Caseworker);
        var form = (await onA.GetPageAsync($"/medarbejder/sager/{oskar}/moeder")).Form("main form");
        var values = new Dictionary<string, string>
        {
            ["Input.Date"] = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.StartTime"] = "09:00",
            ["Input.EndTime"] = "10:00",
            ["Input.Place"] = "Rådhuset",
            ["Input.Purpose"] = "Vi taler om Oskars nye skole.",
        };

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(index => (index % 2 == 0 ? onA : onB).SubmitAsync(form, values)));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode));
        Assert.Equal(1, await a.WithDbAsync(db => db.NetworkMeetings.CountAsync(meeting => meeting.ChildId == oskar && meeting.Place == "Rådhuset")));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task Both_parents_writing_their_own_words_at_once_on_two_instances_lose_none_of_them()
    {
        // The family's words are stored in the plan's row: each save writes them all, so two at once must take turns.
        var (a, b) = Pair();
        var oskar = await a.ChildIdAsync("Oskar Jensen");
        using var sofie = a.CreateClient();
        using var anders = b.CreateClient();
        await sofie.LogInAsync(DemoLogins.Parent);
        await anders.LogInAsync(DemoLogins.OtherParent);
        var sofiesForm = (await sofie.GetPageAsync($"/plan/{oskar}/mine-ord")).Form();
        var andersForm = (await anders.GetPageAsync($"/plan/{oskar}/mine-ord")).Form();

        var saves = await Task.WhenAll(Enumerable.Range(0, 12).Select(index => index % 2 == 0
            ? sofie.SubmitAsync(sofiesForm, new Dictionary<string, string> { ["Input.Kind"] = "WhatMattersToMe", ["Input.Text"] = $"Sofies ord nr. {index}" })
            : anders.SubmitAsync(andersForm, new Dictionary<string, string> { ["Input.Kind"] = "WhatMattersToMe", ["Input.Text"] = $"Anders' ord nr. {index}" })));

        Assert.All(saves, save => Assert.Equal(HttpStatusCode.Redirect, save.StatusCode));
        var plan = await a.WithDbAsync(db => db.Plans.AsNoTracking().Include(item => item.Changes).SingleAsync(item => item.ChildId == oskar));
        Assert.Equal(12, plan.FamilyEntries.Count(entry => entry.Text.Contains(" ord nr. ", StringComparison.Ordinal)));
        Assert.Equal(12, plan.Changes.Count(change => change.Summary != null && change.Summary.Contains(" ord nr. ", StringComparison.Ordinal)));
        foreach (var save in saves)
        {
            save.Dispose();
        }
    }

    [Theory]
    [InlineData("UPDATE \"PlanChanges\" SET \"Summary\" = 'rettet'")]
    [InlineData("DELETE FROM \"PlanChanges\"")]
    [InlineData("UPDATE \"ConsentDecisions\" SET \"PartyName\" = 'rettet'")]
    [InlineData("DELETE FROM \"ConsentDecisions\"")]
    public async Task The_plan_history_and_consent_decisions_refuse_to_be_changed_or_deleted(string sql)
    {
        var (a, _) = Pair();
        using var client = a.CreateClient();
        var oskar = await a.ChildIdAsync("Oskar Jensen");
        await client.LogInAsync(DemoLogins.Parent);
        using var given = await client.SubmitAsync((await client.GetPageAsync($"/samtykke/{oskar}/HealthVisitors/NetworkMeetings/giv")).Form());

        var refused = await Assert.ThrowsAsync<PostgresException>(() => a.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql)));

        Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
    }

    private (PortalFactory A, PortalFactory B) Pair(IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>(extra ?? new Dictionary<string, string?>()) { ["Database:Provider"] = "PostgreSQL" };
        var a = PortalFactory.With(settings);
        settings["ConnectionStrings:Portal"] = a.PostgresConnectionString;
        var b = PortalFactory.With(settings);
        _factories.AddRange([a, b]);
        return (a, b);
    }

    private static async Task<long> AskAsync(PortalFactory instance)
    {
        using var client = instance.CreateClient();
        using var asked = await client.SubmitAsync((await client.GetPageAsync("/raadgivning")).Form());
        Assert.Equal("/raadgivning/status", asked.Location());
        var status = await client.GetPageAsync("/raadgivning/status");
        var code = TicketHash(status.QuerySelector("main .portal-code")!.TextContent);
        return await instance.WithDbAsync(db => db.CounsellingRequests.Where(request => request.TicketHash == code).Select(request => request.QueueNumber).SingleAsync());
    }

    private static string TicketHash(string shown) => Portal.Counselling.TicketCodes.Hash(Portal.Counselling.TicketCodes.Normalize(shown)!);

    public void Dispose()
    {
        foreach (var factory in _factories)
        {
            factory.Dispose();
            factory.DeleteDataFolder();
        }
    }
}
