using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Consents;
using Portal.Data;
using Portal.Domain;
using Portal.Identity;
using Portal.Pages.Plans;

namespace Portal.Pages.Professionals;

/// <summary>
/// The child's plan as a professional reads it: only while a legal basis covers it, and every opening is recorded for
/// the family to see.
/// </summary>
public sealed class PlanModel(PortalDbContext db, ConsentBook consentBook, TimeProvider clock) : PageModel
{
    public SharedCase Case { get; private set; } = null!;

    public PlanView? View { get; private set; }

    public string UserId => User.UserId();

    public async Task<IActionResult> OnGetAsync(Guid childId, CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        if (await SharedCase.FindAsync(db, consentBook, userId, childId, cancellationToken) is not { } shared)
        {
            return NotFound();
        }

        Case = shared;
        if (!shared.MayRead)
        {
            // The professional knows the child from their own work; what they do not get is the plan.
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        View = await PlanView.LoadAsync(db, db.Children.WithProfessional(userId), childId, DanishTime.Today(clock), cancellationToken);
        if (View is null)
        {
            return NotFound();
        }

        await db.RecordReadAsync(childId, User.ToActor(), clock.GetUtcNow(), cancellationToken);
        return Page();
    }
}
