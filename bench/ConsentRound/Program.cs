using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Consents;
using Portal.Domain.Families;
using Portal.Email;

// Fills a new SQLite data folder, through the portal's own migrations and domain, with CHILDREN children, each with two
// parents who have both said yes to all four consents. The yeses were given on days spread over the past year, so
// about one in 26 runs out within the reminder window (14 days) when the portal starts on it.
// Usage: dotnet run --project bench/ConsentRound -- <data folder> <children>
if (args.Length != 2 || !int.TryParse(args[1], CultureInfo.InvariantCulture, out var children) || children < 1)
{
    Console.Error.WriteLine("Usage: ConsentRound <data folder> <children>");
    return 2;
}

var builder = WebApplication.CreateBuilder();
builder.Configuration["Database:DataFolder"] = args[0];
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSingleton(TimeProvider.System);
builder.AddPortalData();
builder.AddPortalMail();
await using var app = builder.Build();

var now = DateTimeOffset.UtcNow;
var today = DateOnly.FromDateTime(now.UtcDateTime);
var random = new Random(11);
var wordings = Enum.GetValues<PartnerService>()
    .SelectMany(partner => Enum.GetValues<ConsentPurpose>().Select(purpose => (partner, purpose)))
    .ToList();

// About as long as the portal's own wording (title, who, what, how long, if no, how to withdraw).
var text = string.Join("\n\n",
    "Sundhedsplejen må deltage i netværksmøder om dit barn",
    "Sundhedsplejen er kommunens sundhedsplejersker. De følger børns trivsel og sundhed fra fødslen og i skolen.",
    "Sundhedsplejersken må være med til netværksmøderne og fortælle, hvad hun ved om barnets trivsel, og høre, hvad de andre fortæller.",
    "Samtykket gælder i 12 måneder fra i dag. Vi minder dig om det 14 dage før, det udløber.",
    "Hvis du siger nej, holder vi møderne uden Sundhedsplejen. Det ændrer ikke den hjælp, I får.",
    "Du kan trække samtykket tilbage når som helst her i portalen. Det gælder fra det øjeblik, du gør det.");

await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.MigrateAsync();
}

const int PerSave = 500;
for (var first = 0; first < children; first += PerSave)
{
    await using var scope = app.Services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
    for (var number = first; number < Math.Min(children, first + PerSave); number++)
    {
        var child = new Child($"Barn {number}", today.AddDays(-random.Next(365, 15 * 365)), today);
        var parents = new[] { $"mor{number}", $"far{number}" }
            .Select(name => new PortalUser
            {
                UserName = $"{name}@bench.example",
                NormalizedUserName = $"{name}@BENCH.EXAMPLE",
                Email = $"{name}@bench.example",
                NormalizedEmail = $"{name}@BENCH.EXAMPLE",
                EmailConfirmed = true,
                PasswordHash = "not a password",
                SecurityStamp = Guid.NewGuid().ToString(),
                DisplayName = $"Forælder {name}",
            })
            .ToList();
        db.Users.AddRange(parents);
        var parties = parents.Select(parent => new Party(parent.Id, parent.DisplayName, ActorRole.Parent)).ToList();
        foreach (var parent in parents)
        {
            child.AddCustodyHolder(parent.Id);
        }

        db.Children.Add(child);
        foreach (var (partner, purpose) in wordings)
        {
            var consent = Consent.For(child.Id, partner, purpose);
            var given = now.AddDays(-random.Next(0, 365)).AddMinutes(-random.Next(0, 24 * 60));
            foreach (var party in parties)
            {
                consent.Give(party, new ConsentWording("2026-11", text), ConsentMethod.Portal, null, given, 12, parties);
            }

            db.Consents.Add(consent);
        }
    }

    await db.SaveChangesAsync();
}

Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{children:N0} children, {children * 2:N0} parents, {children * wordings.Count:N0} consents, {children * wordings.Count * 2:N0} yeses"));
return 0;
