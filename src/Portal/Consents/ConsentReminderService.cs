using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Consents;
using Portal.Email;

namespace Portal.Consents;

/// <summary>
/// Sends one reminder, some days before a consent expires, to the person who gave it and still decides (in Danish, the
/// portal's default), and takes partner services off meetings once their consent has run out.
/// </summary>
public sealed partial class ConsentReminderService(IServiceScopeFactory scopes, IOptions<PortalOptions> options, TimeProvider clock, ILogger<ConsentReminderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Zero turns the automatic rounds off (tests drive them); the timer allows at most about 49 days.
        var interval = options.Value.ConsentReminderInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromTicks(Math.Min(interval.Ticks, TimeSpan.FromDays(30).Ticks)), clock);
        do
        {
            try
            {
                var sent = await SendDueRemindersAsync(stoppingToken);
                if (sent > 0)
                {
                    LogReminded(logger, sent);
                }

                await using var scope = scopes.CreateAsyncScope();
                var taken = await scope.ServiceProvider.GetRequiredService<Meetings.MeetingConsentSweep>().RunAsync(stoppingToken);
                if (taken > 0)
                {
                    LogPartnersTakenOff(logger, taken);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One round: every yes that expires within the reminder window, is still the person's latest, and has had no reminder.</summary>
    public async Task<int> SendDueRemindersAsync(CancellationToken cancellationToken)
    {
        // Outside a request there is no visitor's language: reminders are in Danish, the portal's default.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Localization.LocalizationSetup.Cultures[0];
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<PortalDbContext>();
        var wordings = services.GetRequiredService<ConsentWordings>();
        var emails = services.GetRequiredService<ConsentEmails>();
        var now = clock.GetUtcNow();
        var horizon = now + options.Value.ConsentReminderBefore;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.TryTakeRoundAsync(RowLocks.Rounds.ConsentReminders, cancellationToken))
        {
            return 0;
        }

        var reminded = await db.ConsentReminders.Select(reminder => reminder.DecisionId).ToListAsync(cancellationToken);
        var consents = await db.Consents.WithLatestDecisions(db).ToListAsync(cancellationToken);
        var children = await db.Children.AsNoTracking().Include(child => child.CustodyHolders).ToDictionaryAsync(child => child.Id, cancellationToken);
        var today = DanishTime.DateOf(now);

        // Only a yes that still counts is worth renewing: from the 15th birthday the young person decides, and a
        // parent is not asked to renew a consent that is no longer theirs to give.
        var due = consents
            .SelectMany(consent => consent.Decisions.GroupBy(decision => decision.PartyId).Select(group => (consent, latest: group.MaxBy(decision => decision.Sequence)!)))
            .Where(item => item.latest is { Action: ConsentAction.Given, ExpiresAt: { } expires } && expires > now && expires <= horizon && !reminded.Contains(item.latest.Id))
            .Where(item => children.TryGetValue(item.consent.ChildId, out var child)
                && ConsentPolicy.RequiredParties(child, today, new Dictionary<string, string>()).Any(party => party.Id == item.latest.PartyId))
            .ToList();
        foreach (var (consent, decision) in due)
        {
            var user = await db.Users.Where(candidate => candidate.Id == decision.PartyId && candidate.PasswordHash != null).Select(candidate => new { candidate.Email, candidate.Language }).FirstOrDefaultAsync(cancellationToken);
            var childName = children[consent.ChildId].Name;
            if (user?.Email is { } email)
            {
                var link = services.GetRequiredService<PortalLinks>().Page("/Consents/Index", new { childId = consent.ChildId });
                var reminder = MailLanguage.In(user.Language, () => emails.ExpiresSoon(email, decision.PartyName, wordings.Title(consent.Partner, consent.Purpose, childName), decision.ExpiresAt!.Value, link));
                db.OutboxMessages.Add(OutboxMessage.Create(reminder, now));
            }

            db.ConsentReminders.Add(new ConsentReminder { DecisionId = decision.Id, SentAt = now });
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return due.Count;
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Queued {Count} consent expiry reminders")]
    private static partial void LogReminded(ILogger logger, int count);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Took {Count} partner services off network meetings after their consent ended")]
    private static partial void LogPartnersTakenOff(ILogger logger, int count);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "Consent reminder round failed ({ErrorKind})")]
    private static partial void LogFailed(ILogger logger, string errorKind);
}
