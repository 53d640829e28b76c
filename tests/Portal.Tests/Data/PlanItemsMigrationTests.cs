using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Plans;

namespace Portal.Tests.Data;

/// <summary>
/// A database made before a plan's items moved into the plan's row loses none of them: each item written as a row by
/// the earlier schema is read back through the plan after the migration, on the engine the tests run on.
/// </summary>
public sealed class PlanItemsMigrationTests
{
    private const string Migration = "_PlanItemsStoredWithThePlan";

    [Fact]
    public async Task Every_item_a_plan_had_as_a_row_is_in_the_plan_after_the_move_and_its_history_is_kept()
    {
        var folder = Directory.CreateTempSubdirectory("portal-migration-");
        try
        {
            await using var db = await MigrationDatabases.NewAsync(folder.FullName);
            await db.MigrateToJustBeforeAsync(Migration);

            var (child, plan) = (Guid.NewGuid(), Guid.NewGuid());
            var at = new DateTimeOffset(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);
            var ended = new DateOnly(2026, 11, 20);
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "Children" ("Id", "Name", "DateOfBirth", "ConcurrencyStamp") VALUES ({child}, {"Oskar Jensen"}, {new DateOnly(2018, 5, 3)}, {"a"})""");
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "Plans" ("Id", "ChildId", "Stage", "ConcurrencyStamp") VALUES ({plan}, {child}, {"Concern"}, {"b"})""");
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "PlanGoals" ("Id", "PlanId", "Text", "CreatedAt", "ReachedAt") VALUES ({Guid.NewGuid()}, {plan}, {"Oskar falder godt til"}, {at}, {at.AddDays(7)})""");
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "PlanInterventions" ("Id", "PlanId", "What", "Who", "From", "To", "EndedOn", "Handover", "TakenOverBy") VALUES ({Guid.NewGuid()}, {plan}, {"Samtaler"}, {"PPR"}, {new DateOnly(2026, 10, 1)}, {new DateOnly(2027, 3, 1)}, {ended}, {"FamilyNetwork"}, {"Mormor"})""");
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "PlanEvaluations" ("Id", "PlanId", "Date", "WhatHappened", "WhatNext") VALUES ({Guid.NewGuid()}, {plan}, {new DateOnly(2026, 11, 17)}, {"Det går godt"}, {"Vi fortsætter"})""");
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "PlanTransitions" ("Id", "PlanId", "Kind", "When", "Description", "WhoIsThere") VALUES ({Guid.NewGuid()}, {plan}, {"NewSchool"}, {new DateOnly(2027, 2, 1)}, {"Nordskolen"}, {"Pia Holm"})""");
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "PlanFamilyEntries" ("Id", "PlanId", "Kind", "Text", "AuthorUserId", "AuthorName", "AuthorRole", "WrittenAt") VALUES ({Guid.NewGuid()}, {plan}, {"WishBeforeMeeting"}, {"Vi ønsker ro"}, {"sofie"}, {"Sofie Jensen"}, {"Parent"}, {at})""");
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "PlanChanges" ("Id", "PlanId", "Kind", "ByUserId", "ByName", "ByRole", "At") VALUES ({Guid.NewGuid()}, {plan}, {"Started"}, {"lars"}, {"Lars Holm"}, {"Caseworker"}, {at})""");

            await db.Database.MigrateAsync();

            var moved = await db.Plans.AsNoTracking().Include(item => item.Changes).SingleAsync();
            var goal = Assert.Single(moved.Goals);
            Assert.Equal(("Oskar falder godt til", at, at.AddDays(7)), (goal.Text, goal.CreatedAt, goal.ReachedAt));
            var intervention = Assert.Single(moved.Interventions);
            Assert.Equal(("Samtaler", "PPR", ended, Handover.FamilyNetwork, "Mormor"), (intervention.What, intervention.Who, intervention.EndedOn, intervention.Handover, intervention.TakenOverBy));
            Assert.Equal(new DateOnly(2026, 11, 17), Assert.Single(moved.Evaluations).Date);
            var transition = Assert.Single(moved.Transitions);
            Assert.Equal((TransitionKind.NewSchool, new DateOnly(2027, 2, 1), "Pia Holm"), (transition.Kind, transition.When, transition.WhoIsThere));
            var entry = Assert.Single(moved.FamilyEntries);
            Assert.Equal((FamilyEntryKind.WishBeforeMeeting, "Vi ønsker ro", "Sofie Jensen", at, (DateTimeOffset?)null), (entry.Kind, entry.Text, entry.AuthorName, entry.WrittenAt, entry.EditedAt));
            Assert.Equal(PlanChangeKind.Started, Assert.Single(moved.Changes).Kind);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
