using Microsoft.Extensions.Localization;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Families;
using Portal.Identity;

namespace Portal.Pages.Meetings;

/// <summary>A meeting page for the family: a parent for their own children, a young person for themself.</summary>
public abstract class FamilyMeetingPage(PortalDbContext db, IStringLocalizer<SharedResource> text, TimeProvider clock) : MeetingPage(db, text, clock)
{
    protected override IQueryable<Child> AllowedChildren => Db.Children.VisibleToFamilyMember(User.UserId());

    /// <summary>The young person only on their own meeting; on a child's meeting everyone in the family acts as a parent.</summary>
    protected override Actor ActorFor(Child child)
    {
        ArgumentNullException.ThrowIfNull(child);
        var userId = User.UserId();
        var name = User.FindFirst(PortalClaims.DisplayName)?.Value ?? string.Empty;
        return new Actor(userId, name, child.YouthUserId == userId ? ActorRole.Youth : ActorRole.Parent);
    }
}
