using Portal.Domain;
using Portal.Domain.Meetings;
using Portal.Email;

namespace Portal.Pages.Meetings;

/// <summary>
/// Who is on a meeting, as one viewer may see it. The young person's own words about why they chose someone are for
/// them and staff; a parent sees only the words on their own suggestions.
/// </summary>
public sealed class PeopleView(
    NetworkMeeting meeting,
    string childFirstName,
    IReadOnlyDictionary<string, string> names,
    Actor viewer,
    string concurrencyStamp,
    IReadOnlyDictionary<Guid, DeliveryState>? deliveries = null)
{
    public NetworkMeeting Meeting => meeting;

    public string ChildFirstName => childFirstName;

    public Actor Viewer => viewer;

    public string ConcurrencyStamp => concurrencyStamp;

    /// <summary>Everyone not taken back, the chosen first; a withdrawn suggestion is gone for the family and kept out of sight.</summary>
    public IReadOnlyList<NetworkParticipant> People =>
        [.. meeting.Participants.Where(person => person.Decision != ParticipantDecision.Withdrawn).OrderBy(person => person.Decision != ParticipantDecision.Chosen).ThenBy(person => person.Kind)];

    public bool IsYoungPerson => viewer.Role == ActorRole.Youth;

    /// <summary>For staff: whether the latest calendar mail to this person went out.</summary>
    public DeliveryState? Delivery(NetworkParticipant person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return deliveries is not null && deliveries.TryGetValue(person.Id, out var state) ? state : null;
    }

    public bool IsStaff => viewer.IsStaff;

    public string SuggestedBy(NetworkParticipant person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person.SuggestedByUserId == viewer.UserId ? string.Empty : names.GetValueOrDefault(person.SuggestedByUserId, string.Empty);
    }

    public bool ShowsWhy(NetworkParticipant person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person.Why is not null && (viewer.IsStaff || viewer.Role == ActorRole.Youth || person.SuggestedByUserId == viewer.UserId);
    }

    public bool ShowsContact(NetworkParticipant person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return viewer.IsStaff || viewer.Role == ActorRole.Youth || person.SuggestedByUserId == viewer.UserId;
    }

    /// <summary>The young person says yes or no to what others suggested from their network; their own choices need no answer.</summary>
    public bool MayDecide(NetworkParticipant person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return IsYoungPerson && !meeting.IsCancelled && person.Kind == ParticipantKind.PrivateNetwork && person.SuggestedByRole != ActorRole.Youth;
    }

    public bool MayEdit(NetworkParticipant person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return !meeting.IsCancelled && person.Kind == ParticipantKind.PrivateNetwork && (person.SuggestedByUserId == viewer.UserId || IsYoungPerson);
    }

    public bool MayWithdraw(NetworkParticipant person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return !meeting.IsCancelled && (person.SuggestedByUserId == viewer.UserId
            || (IsYoungPerson && person.Kind is ParticipantKind.PrivateNetwork or ParticipantKind.SupportPerson && person.SuggestedByRole == ActorRole.Youth)
            || (IsStaff && person.Kind is ParticipantKind.Professional or ParticipantKind.PartnerService));
    }
}
