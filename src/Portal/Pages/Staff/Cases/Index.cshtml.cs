using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Families;
using Portal.Domain.Plans;
using Portal.Identity;

namespace Portal.Pages.Staff.Cases;

/// <summary>The caseworker's own cases and what needs doing: invitations nobody has used yet, the next meetings.</summary>
public sealed class IndexModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<CaseCard> Cases { get; private set; } = [];

    /// <summary>For each guiding mark, how many children in the municipality have an active intervention serving it: counts, never names.</summary>
    public IReadOnlyList<(GuidingMarks Mark, int Children)> ChildrenByMark { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = DanishTime.Today(clock);
        var children = await db.Children.AssignedTo(User.UserId()).AsNoTracking()
            .Join(db.Plans, child => child.Id, plan => plan.ChildId, (child, plan) => new { child.Id, child.Name, child.DateOfBirth, plan.Stage, plan.NextMeetingAt })
            .ToListAsync(cancellationToken);
        var ids = children.Select(child => child.Id).ToList();
        var invitations = await db.Invitations.AsNoTracking()
            .Where(invitation => ids.Contains(invitation.ChildId) && invitation.AcceptedAt == null && invitation.RevokedAt == null)
            .ToListAsync(cancellationToken);

        var networkMeetings = await Portal.Pages.Meetings.NextMeetingView.LoadAsync(db, ids, now, cancellationToken);

        // At most sixteen combinations of marks, counted by the database from the column each plan keeps up to date.
        var combinations = await db.Plans.AsNoTracking()
            .GroupBy(plan => plan.ActiveInterventionMarks)
            .Select(group => new { Marks = group.Key, Children = group.Count() })
            .ToListAsync(cancellationToken);
        ChildrenByMark = [.. GuidingMarksRules.Each.Select(mark => (mark, combinations.Where(item => item.Marks.HasFlag(mark)).Sum(item => item.Children)))];
        Cases = [.. children
            .Select(child => new CaseCard(
                child.Id,
                child.Name,
                Child.AgeOn(child.DateOfBirth, today),
                child.Stage,
                child.NextMeetingAt,
                invitations.Count(invitation => invitation.ChildId == child.Id && invitation.StateAt(now) == InvitationState.Waiting),
                networkMeetings.GetValueOrDefault(child.Id)?.StartsAt))
            .OrderBy(card => card.Name, StringComparer.CurrentCulture)];
    }

    public sealed record CaseCard(Guid ChildId, string Name, int Age, CourseStage Stage, DateTimeOffset? NextMeetingAt, int WaitingInvitations, DateTimeOffset? NextNetworkMeetingAt);
}
