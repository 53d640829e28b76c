using System.Runtime.ExceptionServices;
using Microsoft.EntityFrameworkCore;
using Portal.Email;
using Portal.Tests.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Email;

/// <summary>
/// Mail goes out as soon as the change that owes it commits, not at the next poll; the dispatcher is woken only by mail a
/// save adds (not by its own saves, which would run a round after every round), and waking it never throws.
/// </summary>
public sealed class OutboxWakeUpTests
{
    [Fact]
    public async Task A_receipt_goes_out_when_the_decision_commits_even_with_an_hour_between_polls()
    {
        using var factory = PortalFactory.With(new Dictionary<string, string?> { ["Mail:PollInterval"] = "01:00:00" });
        var oskar = await factory.ChildIdAsync("Oskar Jensen");

        await factory.SofieGivesInCodeAsync(oskar, commit: true);

        // Within the mailbox's 20 s, where the next poll is an hour away.
        var receipt = Assert.Single(await factory.WaitForMailAsync("sofie@demo.familieportalen.dk"));
        Assert.Contains("Oskar", receipt.TextBody, StringComparison.Ordinal);
        Assert.Single(await factory.WaitForMailAsync("anders@demo.familieportalen.dk"));
        factory.DeleteDataFolder();
    }

    [Fact]
    public async Task Only_a_save_that_adds_mail_wakes_the_dispatcher_and_inside_a_transaction_only_its_commit_does()
    {
        var folder = Directory.CreateTempSubdirectory("portal-wake-up-");
        try
        {
            using var signal = new OutboxSignal();
            await using var db = await MigrationDatabases.NewAsync(folder.FullName, new OutboxWakeUp(signal));
            await db.Database.MigrateAsync();
            var now = DateTimeOffset.UtcNow;

            var message = OutboxMessage.Create(new EmailMessage("sofie@example.dk", "Kvittering", "Tak.", "<p>Tak.</p>"), now);
            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync();
            Assert.True(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));

            // What the dispatcher saves: the lease on a batch, then each outcome. Nothing new is due, so nothing wakes it.
            message.Lease(now.AddMinutes(5));
            await db.SaveChangesAsync();
            message.MarkSent(now);
            await db.SaveChangesAsync();
            Assert.False(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));

            // Inside a transaction the mail is not there for the dispatcher until the commit; rolled back, it never is.
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                db.OutboxMessages.Add(OutboxMessage.Create(new EmailMessage("anders@example.dk", "Besked", "Hej.", "<p>Hej.</p>"), now));
                await db.SaveChangesAsync();
                Assert.False(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));
                await transaction.CommitAsync();
            }

            Assert.True(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));

            db.ChangeTracker.Clear();
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                db.OutboxMessages.Add(OutboxMessage.Create(new EmailMessage("emma@example.dk", "Besked", "Hej.", "<p>Hej.</p>"), now));
                await db.SaveChangesAsync();
                await transaction.RollbackAsync();
            }

            Assert.False(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));
            await db.Database.EnsureDeletedAsync();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Many_notices_before_the_dispatcher_looks_are_one_wake_up_none_throws_and_one_after_it_is_kept()
    {
        using var signal = new OutboxSignal();
        var thrown = 0;
        void Count(object? sender, FirstChanceExceptionEventArgs args)
        {
            if (args.Exception is SemaphoreFullException)
            {
                Interlocked.Increment(ref thrown);
            }
        }

        AppDomain.CurrentDomain.FirstChanceException += Count;
        try
        {
            Parallel.For(0, 1_000, _ => signal.Notify());
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Count;
        }

        Assert.Equal(0, thrown);
        Assert.True(await signal.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None));
        Assert.False(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));

        signal.Notify();
        Assert.True(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));
    }
}
