using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain;
using Portal.Domain.Families;
using Portal.Domain.Meetings;
using Portal.Domain.Plans;
using Portal.Domain.Professionals;
using Portal.MitId;
using Portal.MitId.TestProvider;

namespace Portal.Data;

/// <summary>
/// Fictional people for trying the portal: the Jensen family (two parents with joint custody of Emma, 16, who has
/// her own login, and Oskar, 8, each with a plan kept by caseworker Lars Holm), one member of staff per role, Emma's
/// teacher and Oskar's health visitor.
/// Created once, on an empty database.
/// </summary>
public static class DemoData
{
    public const string DefaultPassword = "Blaabaer-Cykel-Hjem-42";

    public static IReadOnlyList<DemoUser> Users { get; } =
    [
        new("sofie@demo.familieportalen.dk", "Sofie Jensen", Roles.Parent, TestPersons.SofieJensen),
        new("anders@demo.familieportalen.dk", "Anders Jensen", Roles.Parent, TestPersons.AndersJensen),
        new("emma@demo.familieportalen.dk", "Emma Jensen", Roles.Youth, TestPersons.EmmaJensen),
        new("sagsbehandler@demo.familieportalen.dk", "Lars Holm", Roles.Caseworker),
        new("raadgiver@demo.familieportalen.dk", "Mette Lund", Roles.Counsellor),
        new("admin@demo.familieportalen.dk", "Admin Andersen", Roles.Admin),
        new("laerer@demo.familieportalen.dk", "Pia Holm", Roles.Professional, Service: ProfessionalService.School),
        new("sundhedsplejerske@demo.familieportalen.dk", "Birgit Dahl", Roles.Professional, Service: ProfessionalService.HealthVisitors),
    ];

    public static async Task SeedAsync(IServiceProvider services)
    {
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        if (await users.Users.AnyAsync())
        {
            return;
        }

        var configuration = services.GetRequiredService<IConfiguration>();
        var password = configuration["Portal:DemoPassword"] ?? DefaultPassword;
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var demo in Users)
        {
            var user = new PortalUser { UserName = demo.Email, Email = demo.Email, EmailConfirmed = true, DisplayName = demo.Name, Service = demo.Service };
            Check(await users.CreateAsync(user, password));
            Check(await users.AddToRoleAsync(user, demo.Role));
            if (demo.MitId is { } person)
            {
                // The family logs in with MitID (test) too: the test provider's made-up person, never a real one.
                Check(await users.AddLoginAsync(user, new UserLoginInfo(MitIdSetup.Scheme, person.Uuid.ToString(), MitIdSetup.Scheme)));
            }

            ids[demo.Email] = user.Id;
        }

        var today = DanishTime.Today(services.GetRequiredService<TimeProvider>());
        var emma = new Child("Emma Jensen", today.AddYears(-16).AddMonths(-3), today);
        var oskar = new Child("Oskar Jensen", today.AddYears(-8).AddMonths(-5), today);
        foreach (var child in new[] { emma, oskar })
        {
            child.AddCustodyHolder(ids[Users[0].Email]);
            child.AddCustodyHolder(ids[Users[1].Email]);
        }

        emma.LinkYouthAccount(ids[Users[2].Email], today, minimumAge: 12);
        emma.AssignCaseworker(ids[Users[3].Email]);
        oskar.AssignCaseworker(ids[Users[3].Email]);

        // Emma's teacher reads her plan on the basis the caseworker recorded; Oskar's health visitor only once his
        // parents consent to Sundhedsplejen exchanging information about him, which neither has done yet.
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        emma.AddProfessional(ids[Users[6].Email], ProfessionalService.School, "Aftalt med Emma og hendes forældre på mødet om planen.", now);
        oskar.AddProfessional(ids[Users[7].Email], ProfessionalService.HealthVisitors, null, now);
        var caseworker = new Actor(ids[Users[3].Email], Users[3].Name, ActorRole.Caseworker);
        var emmasPlan = Plan.StartFor(emma.Id, caseworker, now);
        emmasPlan.DescribeWhatMatters("Emma vil gerne have ro til at lave lektier og tid med sine venner.", caseworker, now);
        emmasPlan.MoveTo(CourseStage.TryingIt, caseworker, now);
        emmasPlan.AddGoal("Emma kommer i skole hver dag og har det godt i timerne.", caseworker, now, GuidingMarks.EarlyAction | GuidingMarks.Coherence);
        emmasPlan.AddGoal("Emma har en voksen på skolen, hun kan tale med.", caseworker, now);
        emmasPlan.AddIntervention("Samtaler om skole og trivsel hver anden uge", "PPR", today.AddMonths(-2), today.AddMonths(3), caseworker, now, GuidingMarks.EarlyAction | GuidingMarks.SharedProfessionalism);
        emmasPlan.AddEvaluation(today.AddDays(-14), "Emma er kommet i skole fire ud af fem dage.", "Vi fortsætter samtalerne og taler om fritidsjob.", today, caseworker, now);
        emmasPlan.ScheduleNextMeeting(DanishTime.FromDanish(today.AddDays(14), new TimeOnly(15, 0)), "Familiehuset, Skolegade 4", caseworker, now);

        var oskarsPlan = Plan.StartFor(oskar.Id, caseworker, now);
        oskarsPlan.AddGoal("Oskar falder godt til i 2. klasse.", caseworker, now, GuidingMarks.Coherence);
        oskarsPlan.AddTransition(TransitionKind.NewSchool, today.AddMonths(2), "Oskar skifter til Nordskolen.", "Klasselærer Pia Holm tager imod Oskar den første dag.", caseworker, now);

        // A network meeting in three weeks that Emma can fill in: the caseworker has invited her teacher, and her mother
        // has suggested an aunt, which waits for Emma's answer. Nothing is mailed until somebody changes the meeting.
        var meetingDay = today.AddDays(21);
        var meeting = NetworkMeeting.Schedule(emma.Id, childHasOwnLogin: true, DanishTime.FromDanish(meetingDay, new TimeOnly(15, 0)), DanishTime.FromDanish(meetingDay, new TimeOnly(16, 30)), "Familiehuset, Skolegade 4", null, "Vi taler om, hvordan det går i skolen, og hvem der kan hjælpe Emma i hverdagen.", caseworker, now);
        meeting.AddProfessional("Pia Holm", "Klasselærer", "pia.holm@skole.example", caseworker);
        meeting.SuggestFromNetwork("Moster Hanne", "moster", "hanne@example.dk", null, "Emma er glad for at være hos Hanne.", new Actor(ids[Users[0].Email], Users[0].Name, ActorRole.Parent));

        var db = services.GetRequiredService<PortalDbContext>();
        using var history = Email.OwedMailOnSave.RecordsHistory(db);
        db.Children.AddRange(emma, oskar);
        db.Plans.AddRange(emmasPlan, oskarsPlan);
        db.NetworkMeetings.Add(meeting);
        await db.SaveChangesAsync();
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo data could not be created: " + string.Join(", ", result.Errors.Select(error => error.Code)));
        }
    }
}

public sealed record DemoUser(string Email, string Name, string Role, TestPerson? MitId = null, ProfessionalService? Service = null);
