using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Families;
using Portal.Domain.Plans;
using Portal.Email;

// The portal's own data setup (SQLite file, WAL, the app's EF options) on a throw-away folder; no web server.
var folder = Path.Combine(Path.GetTempPath(), "portal-bench-plan", Guid.NewGuid().ToString("N"));
var builder = WebApplication.CreateBuilder(args);
builder.Configuration["Database:DataFolder"] = folder;
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSingleton(TimeProvider.System);
builder.AddPortalData();
builder.AddPortalMail();
await using var app = builder.Build();

var caseworker = new Actor("bench-caseworker", "Lars Holm", ActorRole.Caseworker);
var parent = new Actor("bench-parent", "Sofie Jensen", ActorRole.Parent);
var now = DateTimeOffset.UtcNow;
var today = DateOnly.FromDateTime(DateTime.UtcNow);
const int Loads = 20;

try
{
    await using (var scope = app.Services.CreateAsyncScope())
    {
        await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.MigrateAsync();
    }

    Console.WriteLine("items per list | plan changes | median load (ms) | slowest (ms)");
    foreach (var perList in new[] { 1, 5, 10, 20 })
    {
        var child = new Child($"Barn {perList}", today.AddYears(-10), today);
        var plan = Plan.StartFor(child.Id, caseworker, now);
        for (var i = 0; i < perList; i++)
        {
            plan.AddGoal($"Mål {i}", caseworker, now);
            plan.AddFamilyEntry(FamilyEntryKind.WishBeforeMeeting, $"Ønske {i}", parent, now);
            plan.AddIntervention($"Indsats {i}", "PPR", today, null, caseworker, now);
            plan.AddEvaluation(today.AddDays(-i), "Det gik godt.", "Vi fortsætter.", today, caseworker, now);
            plan.AddTransition(TransitionKind.NewSchool, today.AddDays(10 + i), "Ny skole", "Klasselæreren", caseworker, now);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.Children.Add(child);
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
        }

        var times = new List<double>();
        for (var run = 0; run <= Loads; run++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var watch = Stopwatch.StartNew();
            var loaded = await db.Plans.AsNoTracking().FirstAsync(item => item.ChildId == child.Id);
            watch.Stop();
            if (run > 0)
            {
                // The first load compiles the query; it is not counted.
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            if (loaded.Goals.Count != perList)
            {
                throw new InvalidOperationException("The plan did not load whole.");
            }
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{perList,14} | {plan.Changes.Count,12} | {times[times.Count / 2],16:0.0} | {times[^1],12:0.0}"));
    }
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}
