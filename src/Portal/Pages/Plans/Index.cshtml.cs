using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;
using Portal.Domain;
using Portal.Identity;

namespace Portal.Pages.Plans;

/// <summary>The child's plan as the family reads it: a parent for their own children, a young person for themself.</summary>
public sealed class IndexModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public PlanView? View { get; private set; }

    public bool IsOwnPlan { get; private set; }

    /// <summary>The meeting about the plan and the next network meeting, in date order, where the family looks first.</summary>
    public ComingMeetings Meetings { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid childId, CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        View = await PlanView.LoadAsync(db, db.Children.VisibleToFamilyMember(userId), childId, DanishTime.Today(clock), cancellationToken);
        if (View is null)
        {
            return NotFound();
        }

        IsOwnPlan = View.YouthUserId == userId;
        var now = clock.GetUtcNow();
        var networkMeeting = (await Pages.Meetings.NextMeetingView.LoadAsync(db, [childId], now, cancellationToken)).GetValueOrDefault(childId);
        Meetings = ComingMeetings.For(View, networkMeeting, IsOwnPlan, now);
        return Page();
    }
}
