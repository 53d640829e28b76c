using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Consents;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Consents;
using Portal.Domain.Meetings;
using Portal.Domain.Plans;
using Portal.Identity;
using Portal.Pages.Meetings;

namespace Portal.Pages.MyData;

/// <summary>"Mine data": everything the portal holds about the user and the children they may see, as a page and as JSON.</summary>
public sealed class IndexModel(PortalDbContext db, UserManager<PortalUser> users, Portal.Consents.ConsentWordings wordings, Portal.MitId.MitIdAccounts mitId) : PageModel
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public Export? Data { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Data = await LoadAsync(cancellationToken);
        return Data is null ? Challenge() : Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken cancellationToken)
    {
        var data = await LoadAsync(cancellationToken);
        return data is null
            ? Challenge()
            : File(JsonSerializer.SerializeToUtf8Bytes(data, Json), "application/json", "mine-data-familieportalen.json");
    }

    private async Task<Export?> LoadAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return null;
        }

        var roles = await users.GetRolesAsync(user);
        var mitIdIdentifier = (await mitId.LoginOfAsync(user))?.ProviderKey;
        var children = await db.Children.VisibleToFamilyMember(user.Id).AsNoTracking().OrderBy(child => child.DateOfBirth).ToListAsync(cancellationToken);
        var ids = children.Select(child => child.Id).ToList();
        var plans = await db.Plans.AsNoTracking().Include(plan => plan.Changes).Where(plan => ids.Contains(plan.ChildId)).ToListAsync(cancellationToken);
        var meetings = await db.NetworkMeetings.AsNoTracking().Where(meeting => ids.Contains(meeting.ChildId)).OrderBy(meeting => meeting.StartsAt).ToListAsync(cancellationToken);
        var invitations = await db.Invitations.AsNoTracking().Where(invitation => invitation.UserId == user.Id)
            .Select(invitation => new InvitationData(invitation.SentAt, invitation.ExpiresAt, invitation.AcceptedAt))
            .ToListAsync(cancellationToken);
        var consents = await db.Consents.AsNoTracking().WithWholeHistory().Where(consent => ids.Contains(consent.ChildId)).ToListAsync(cancellationToken);
        var reads = await db.PlanReads.AsNoTracking().Where(read => ids.Contains(read.ChildId)).ToListAsync(cancellationToken);
        var feedSince = await db.CalendarFeeds.AsNoTracking().Where(feed => feed.UserId == user.Id).Select(feed => (DateTimeOffset?)feed.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        return new Export(
            new AccountData(user.DisplayName, user.Email ?? string.Empty, [.. roles], user.TwoFactorEnabled, mitIdIdentifier, Localization.LocalizationSetup.CultureOf(user.Language).Name),
            invitations,
            new CalendarFeedData(feedSince is not null, feedSince),
            [.. children.Select(child => new ChildData(
                child.Id,
                child.Name,
                child.DateOfBirth,
                plans.Single(plan => plan.ChildId == child.Id),
                [.. meetings.Where(meeting => meeting.ChildId == child.Id).Select(meeting => MeetingData.For(meeting, new Actor(user.Id, user.DisplayName, child.YouthUserId == user.Id ? ActorRole.Youth : ActorRole.Parent)))],
                [.. consents.Where(consent => consent.ChildId == child.Id)
                    .SelectMany(consent => consent.Decisions.Select(decision => ConsentDecisionData.For(consent, decision, wordings.Title(consent.Partner, consent.Purpose, child.Name), user.Id)))
                    .OrderBy(decision => decision.At)],
                [.. reads.Where(read => read.ChildId == child.Id).OrderBy(read => read.At).Select(read => new PlanReadData(read.At, read.ReaderName, read.ReaderRole, read.ReaderService))]))]);
    }

    public sealed record Export(AccountData Account, IReadOnlyList<InvitationData> Invitations, CalendarFeedData CalendarFeed, IReadOnlyList<ChildData> Children);

    /// <summary>Whether the user's secret calendar address is on, and since when (the address itself is never kept).</summary>
    public sealed record CalendarFeedData(bool On, DateTimeOffset? Since);

    /// <summary>
    /// A decision about a consent for the child. Another person's decision is shown by their role, not their name, as on
    /// the consent page.
    /// </summary>
    public sealed record ConsentDecisionData(string Consent, PartnerService Partner, ConsentPurpose Purpose, ConsentAction Action, ConsentMethod Method, bool ByYou, ActorRole ByRole, DateTimeOffset At, DateTimeOffset? ExpiresAt, string WordingVersion)
    {
        public static ConsentDecisionData For(Consent consent, ConsentDecision decision, string title, string userId) =>
            new(title, consent.Partner, consent.Purpose, decision.Action, decision.Method, decision.PartyId == userId, decision.PartyRole, decision.At, decision.ExpiresAt, decision.WordingVersion);
    }

    /// <param name="MitIdIdentifier">The MitID broker's identifier for the person, when MitID is connected: all the portal keeps from MitID.</param>
    /// <param name="Language">The language the portal writes this person's mail in: the one they last chose.</param>
    public sealed record AccountData(string Name, string Email, IReadOnlyList<string> Roles, bool TwoFactorEnabled, string? MitIdIdentifier, string Language);

    public sealed record InvitationData(DateTimeOffset SentAt, DateTimeOffset ExpiresAt, DateTimeOffset? AcceptedAt);

    public sealed record ChildData(Guid Id, string Name, DateOnly DateOfBirth, Domain.Plans.Plan Plan, IReadOnlyList<MeetingData> Meetings, IReadOnlyList<ConsentDecisionData> ConsentDecisions, IReadOnlyList<PlanReadData> PlanReadBy);

    /// <summary>Someone outside the family who opened the child's plan, as "Hvem har set planen" shows it.</summary>
    public sealed record PlanReadData(DateTimeOffset At, string Name, ActorRole Role, Domain.Professionals.ProfessionalService? Service);

    /// <summary>A network meeting as this user may see it on the meeting page: the young person's reasons only for them.</summary>
    public sealed record MeetingData(DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Place, string? OnlineLink, string Purpose, bool Cancelled, IReadOnlyList<PersonData> People)
    {
        public static MeetingData For(NetworkMeeting meeting, Actor viewer)
        {
            var view = new PeopleView(meeting, string.Empty, new Dictionary<string, string>(), viewer, string.Empty);
            return new MeetingData(meeting.StartsAt, meeting.EndsAt, meeting.Place, meeting.OnlineLink, meeting.Purpose, meeting.IsCancelled, [.. view.People.Select(person => new PersonData(
                person.Name,
                person.Relation,
                person.Kind,
                person.Decision,
                person.Response,
                person.SuggestedByUserId == viewer.UserId,
                view.ShowsWhy(person) ? person.Why : null,
                view.ShowsContact(person) ? person.Email : null,
                view.ShowsContact(person) ? person.Phone : null))]);
        }
    }

    public sealed record PersonData(string Name, string? Relation, ParticipantKind Kind, ParticipantDecision Decision, ParticipantResponse Response, bool SuggestedByYou, string? Why, string? Email, string? Phone);
}
