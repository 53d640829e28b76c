using Microsoft.EntityFrameworkCore;
using Portal.Consents;
using Portal.Domain;
using Portal.Domain.Consents;

namespace Portal.Tests.Data;

/// <summary>
/// A consent whose decisions were written before the consent kept their count: after the migration the count is the
/// history's, a tap reads only each person's latest decision, and the next decision is numbered after the last one.
/// </summary>
public sealed class ConsentDecisionCountMigrationTests
{
    [Fact]
    public async Task A_consent_decided_before_the_count_was_kept_goes_on_numbering_after_its_history()
    {
        var folder = Directory.CreateTempSubdirectory("portal-migration-");
        try
        {
            await using var db = await MigrationDatabases.NewAsync(folder.FullName);
            await db.MigrateToJustBeforeAsync("_ConsentDecisionCount");

            var (child, consent) = (Guid.NewGuid(), Guid.NewGuid());
            var at = new DateTimeOffset(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "Children" ("Id", "Name", "DateOfBirth", "ConcurrencyStamp") VALUES ({child}, {"Oskar Jensen"}, {new DateOnly(2018, 5, 3)}, {"a"})""");
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "Consents" ("Id", "ChildId", "Partner", "Purpose") VALUES ({consent}, {child}, {"HealthVisitors"}, {"InformationExchange"})""");
            foreach (var (sequence, party, name, action) in new[] { (1, "sofie", "Sofie Jensen", "Given"), (2, "mads", "Mads Jensen", "Given"), (3, "sofie", "Sofie Jensen", "Revoked") })
            {
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "ConsentDecisions" ("Id", "ConsentId", "Sequence", "PartyId", "PartyName", "PartyRole", "Action", "Method", "WordingVersion", "WordingText", "At", "ExpiresAt")
                    VALUES ({Guid.NewGuid()}, {consent}, {sequence}, {party}, {name}, {"Parent"}, {action}, {"Portal"}, {"2026-11"}, {"Sundhedsplejen må udveksle oplysninger om Oskar."}, {at.AddDays(sequence)}, {(action == "Given" ? at.AddMonths(12) : (DateTimeOffset?)null)})
                    """);
            }

            await db.Database.MigrateAsync();

            var loaded = await db.Consents.WithLatestDecisions(db).SingleAsync();
            Assert.Equal(3, loaded.DecisionCount);
            Assert.Equal([("mads", 2), ("sofie", 3)], loaded.Decisions.OrderBy(decision => decision.Sequence).Select(decision => (decision.PartyId, decision.Sequence)));

            var sofie = new Party("sofie", "Sofie Jensen", ActorRole.Parent);
            var mads = new Party("mads", "Mads Jensen", ActorRole.Parent);
            var yes = loaded.Give(sofie, new ConsentWording("2026-12", "Sundhedsplejen må udveksle oplysninger om Oskar."), ConsentMethod.Portal, null, at.AddDays(10), 12, [sofie, mads]);
            Assert.Equal(4, yes!.Sequence);
            Assert.True(loaded.StatusAt(at.AddDays(10), [sofie, mads]).IsValid);
            await db.SaveChangesAsync();

            db.ChangeTracker.Clear();
            var history = await db.Consents.AsNoTracking().WithWholeHistory().SingleAsync();
            Assert.Equal(4, history.DecisionCount);
            Assert.Equal([1, 2, 3, 4], history.Decisions.Select(decision => decision.Sequence).Order());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
