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

        // Only what is due is read, so the round costs the same however many consents the municipality holds: each
        // person's latest decision that is a yes running out within the window (a range of the index on ExpiresAt) and
        // has had no reminder.
        var isLatest = ConsentQueries.IsItsPartysLatest(db);
        var due = await db.Consents
            .SelectMany(
                consent => consent.Decisions.AsQueryable().Where(isLatest)
                    .Where(decision => decision.Action == ConsentAction.Given && decision.ExpiresAt > now && decision.ExpiresAt <= horizon)
                    .Where(decision => !db.ConsentReminders.Any(reminder => reminder.DecisionId == decision.Id)),
                (consent, decision) => new DueYes(decision.Id, decision.PartyId, decision.PartyName, decision.ExpiresAt!.Value, consent.ChildId, consent.Partner, consent.Purpose))
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var childIds = due.Select(yes => yes.ChildId).Distinct().ToList();
        var children = await db.Children.ForRound(childIds).ToDictionaryAsync(child => child.Id, cancellationToken);
        var partyIds = due.Select(yes => yes.PartyId).Distinct().ToList();
        var users = await db.Users.Where(user => EF.Parameter(partyIds).Contains(user.Id) && user.PasswordHash != null)
            .Select(user => new { user.Id, user.Email, user.Language })
            .ToDictionaryAsync(user => user.Id, cancellationToken);
        var today = DanishTime.DateOf(now);
        var links = services.GetRequiredService<PortalLinks>();

        // Only a yes that still counts is worth renewing: from the 15th birthday the young person decides, and a
        // parent is not asked to renew a consent that is no longer theirs to give.
        var reminders = 0;
        foreach (var yes in due)
        {
            if (!children.TryGetValue(yes.ChildId, out var child)
                || !ConsentPolicy.RequiredParties(child, today, new Dictionary<string, string>()).Any(party => party.Id == yes.PartyId))
            {
                continue;
            }

            if (users.GetValueOrDefault(yes.PartyId) is { Email: { } email } user)
            {
                var link = links.Page("/Consents/Index", new { childId = yes.ChildId });
                var reminder = MailLanguage.In(user.Language, () => emails.ExpiresSoon(email, yes.PartyName, wordings.Title(yes.Partner, yes.Purpose, child.Name), yes.ExpiresAt, link));
                db.OutboxMessages.Add(OutboxMessage.Create(reminder, now));
            }

            db.ConsentReminders.Add(new ConsentReminder { DecisionId = yes.DecisionId, SentAt = now });
            reminders++;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return reminders;
    }

    private sealed record DueYes(Guid DecisionId, string PartyId, string PartyName, DateTimeOffset ExpiresAt, Guid ChildId, PartnerService Partner, ConsentPurpose Purpose);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Queued {Count} consent expiry reminders")]
    private static partial void LogReminded(ILogger logger, int count);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Took {Count} partner services off network meetings after their consent ended")]
    private static partial void LogPartnersTakenOff(ILogger logger, int count);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "Consent reminder round failed ({ErrorKind})")]
    private static partial void LogFailed(ILogger logger, string errorKind);
}
