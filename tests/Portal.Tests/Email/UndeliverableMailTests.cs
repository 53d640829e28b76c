using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Email;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Email;

/// <summary>Mail that cannot go is visible: kept with its reason for the administrator, and marked on the staff pages.</summary>
public sealed class UndeliverableMailTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    [Fact]
    public async Task A_message_whose_address_cannot_be_written_is_given_up_at_once_and_kept_for_the_administrator()
    {
        var id = await EnqueueAsync("x<script>@example.com", regardingId: null);

        var stored = await WaitForAsync(id, message => message.GaveUpAt is not null);

        Assert.Equal(1, stored.Attempts);
        Assert.Null(stored.NextAttemptAt);
        Assert.Equal("ParseException", stored.LastError);
        using var admin = _factory.CreateClient();
        await admin.LogInAsync(DemoData.Users[5].Email);
        var page = await admin.GetPageAsync("/medarbejder/admin/post");
        var text = page.MainText();
        Assert.Contains("Til: x<script>@example.com", text, StringComparison.Ordinal);
        Assert.Contains("Adressen eller indholdet kan ikke sendes med mail.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page.DocumentElement.OuterHtml.Replace("&lt;script&gt;", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_caseworker_sees_whether_each_invitee_s_mail_went_out()
    {
        var emma = await _factory.ChildIdAsync("Emma Jensen");
        var meetingId = await _factory.WithDbAsync(db => db.NetworkMeetings.Where(meeting => meeting.ChildId == emma).Select(meeting => meeting.Id).FirstAsync());
        using var caseworker = _factory.CreateClient();
        await caseworker.LogInAsync(DemoLogins.Caseworker);
        var url = $"/medarbejder/sager/{emma}/moeder/{meetingId}";
        using var added = await caseworker.SubmitAsync((await caseworker.GetPageAsync(url)).Form("form[action*='handler=AddProfessional']"), new Dictionary<string, string>
        {
            ["Professional.Name"] = "Ole Berg",
            ["Professional.Role"] = "SSP-medarbejder",
            ["Professional.Email"] = "ole@ssp.example",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        await _factory.WaitForMailAsync("ole@ssp.example");
        Assert.Contains("Mailen er sendt.", await OleAsync(caseworker, url), StringComparison.Ordinal);

        // A later message about him that cannot be delivered is what the caseworker now sees.
        var oleId = await _factory.WithDbAsync(db => db.NetworkMeetings.Where(meeting => meeting.Id == meetingId).SelectMany(meeting => meeting.Participants).Where(person => person.Name == "Ole Berg").Select(person => person.Id).SingleAsync());
        var failing = await EnqueueAsync("ole@ssp..example", oleId);
        await WaitForAsync(failing, message => message.GaveUpAt is not null);

        Assert.Contains("Mailen kunne ikke sendes.", await OleAsync(caseworker, url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mail_server_that_never_answers_is_given_up_on_within_the_timeout_and_tried_again_later()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        using var factory = PortalFactory.With(new Dictionary<string, string?>
        {
            ["Mail:Transport"] = "Smtp",
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Mail:Smtp:Security"] = "None",
            ["Mail:Smtp:Timeout"] = "00:00:01",
            ["Mail:PollInterval"] = "01:00:00",
            ["Mail:FirstRetryDelay"] = "00:05:00",
        });
        var dispatcher = factory.Services.GetRequiredService<OutboxDispatcher>();
        var ids = new List<Guid>();
        for (var index = 0; index < 4; index++)
        {
            ids.Add(await EnqueueAsync(factory, $"person{index}@example.dk", regardingId: null));
        }

        var watch = Stopwatch.StartNew();
        await dispatcher.SendDueMessagesAsync(CancellationToken.None);
        watch.Stop();

        // Four hanging sends side by side take about one timeout, not four; each is kept for a later try.
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(3.5));
        foreach (var id in ids)
        {
            var message = await factory.WithDbAsync(db => db.OutboxMessages.SingleAsync(item => item.Id == id));
            Assert.Null(message.SentAt);
            Assert.Null(message.GaveUpAt);
            Assert.NotNull(message.NextAttemptAt);
        }

        factory.DeleteDataFolder();
    }

    private static async Task<string> OleAsync(HttpClient caseworker, string url)
    {
        var page = await caseworker.GetPageAsync(url);
        return page.QuerySelectorAll("main .card").Single(card => card.QuerySelector("h3")?.TextContent == "Ole Berg").TextContent;
    }

    private Task<Guid> EnqueueAsync(string to, Guid? regardingId) => EnqueueAsync(_factory, to, regardingId);

    private static Task<Guid> EnqueueAsync(PortalFactory factory, string to, Guid? regardingId) => factory.WithDbAsync(async db =>
    {
        var message = OutboxMessage.Create(new EmailMessage(to, "Invitation", "Hej", "<p>Hej</p>"), DateTimeOffset.UtcNow, regardingId);
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    });

    private async Task<OutboxMessage> WaitForAsync(Guid id, Func<OutboxMessage, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var message = await _factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(item => item.Id == id));
            if (condition(message))
            {
                return message;
            }

            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for the dispatcher.");
            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        _factory.Dispose();
        _factory.DeleteDataFolder();
    }
}
