using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Consents;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Data;

/// <summary>
/// Yeses given before their expiry was stored as ticks: after the migration each runs out at the same moment (to the
/// converter's 0.1 ms), the reminder round's range finds exactly the ones inside it whatever offset they were written
/// with, the history is still append-only, and going back restores the times.
/// </summary>
public sealed class ConsentExpiryMigrationTests
{
    private static readonly DateTimeOffset?[] Expiries =
    [
        new DateTimeOffset(2027, 11, 23, 9, 30, 0, TimeSpan.Zero).AddTicks(1_234_567),
        new DateTimeOffset(2027, 11, 30, 6, 30, 0, TimeSpan.FromHours(1)),
        new DateTimeOffset(2027, 11, 30, 4, 0, 0, TimeSpan.FromHours(-5.5)).AddMilliseconds(500),
        null,
    ];

    [Fact]
    public async Task Expiries_written_before_keep_their_moment_and_a_range_finds_the_right_ones()
    {
        var folder = Directory.CreateTempSubdirectory("portal-migration-");
        try
        {
            await using var db = await MigrationDatabases.NewAsync(folder.FullName);
            await db.MigrateToJustBeforeAsync("_ConsentExpiryAsTicks");
            var (child, consent) = (Guid.NewGuid(), Guid.NewGuid());
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "Children" ("Id", "Name", "DateOfBirth", "ConcurrencyStamp") VALUES ({child}, {"Oskar Jensen"}, {new DateOnly(2018, 5, 3)}, {"a"})""");
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "Consents" ("Id", "ChildId", "Partner", "Purpose", "DecisionCount") VALUES ({consent}, {child}, {"HealthVisitors"}, {"InformationExchange"}, {Expiries.Length})""");
            foreach (var (expires, index) in Expiries.Select((expires, index) => (expires, index)))
            {
                var (sequence, party, action) = (index + 1, $"party-{index + 1}", expires is null ? "Revoked" : "Given");

                // SQLite kept the text with its offset; PostgreSQL keeps only the moment, and Npgsql takes it only as UTC.
                var written = PortalFactory.OnPostgres ? expires?.ToUniversalTime() : expires;
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "ConsentDecisions" ("Id", "ConsentId", "Sequence", "PartyId", "PartyName", "PartyRole", "Action", "Method", "WordingVersion", "WordingText", "At", "ExpiresAt")
                    VALUES ({Guid.NewGuid()}, {consent}, {sequence}, {party}, {"Sofie Jensen"}, {"Parent"}, {action}, {"Portal"}, {"2026-11"}, {"Sundhedsplejen må udveksle oplysninger om Oskar."}, {new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero)}, {written})
                    """);
            }

            await db.Database.MigrateAsync();

            var expected = Expiries.Select(expires => expires is { } value ? new DateTimeOffset(value.UtcTicks / 1000 * 1000, TimeSpan.Zero) : (DateTimeOffset?)null).ToList();
            Assert.Equal(expected, await db.Set<ConsentDecision>().OrderBy(decision => decision.Sequence).Select(decision => decision.ExpiresAt).ToListAsync());

            // 06:30 at +01:00 is 05:30 UTC, inside; 04:00 at -05:30 is 09:30 UTC, outside. As clock times they would swap.
            var (from, to) = (new DateTimeOffset(2027, 11, 23, 9, 30, 0, TimeSpan.Zero), new DateTimeOffset(2027, 11, 30, 6, 0, 0, TimeSpan.Zero));
            Assert.Equal([1, 2], await db.Set<ConsentDecision>().Where(decision => decision.ExpiresAt > from && decision.ExpiresAt <= to).Select(decision => decision.Sequence).OrderBy(sequence => sequence).ToListAsync());
            await AssertAppendOnlyAsync(db);

            await db.MigrateToJustBeforeAsync("_ConsentExpiryAsTicks");
            Assert.Equal(expected, await db.Database.SqlQuery<DateTimeOffset?>($"""SELECT "ExpiresAt" AS "Value" FROM "ConsentDecisions" ORDER BY "Sequence" """).ToListAsync());
            await AssertAppendOnlyAsync(db);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task AssertAppendOnlyAsync(DbContext db)
    {
        await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlAsync($"""UPDATE "ConsentDecisions" SET "PartyName" = {"Someone else"}"""));
        await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlAsync($"""DELETE FROM "ConsentDecisions" """));
    }
}
