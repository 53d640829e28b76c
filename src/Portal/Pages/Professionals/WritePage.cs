using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Consents;
using Portal.Data;
using Portal.Domain;
using Portal.Identity;
using Portal.Pages.Forms;
using Portal.Pages.Plans;

namespace Portal.Pages.Professionals;

/// <summary>
/// What a professional's writing pages share: the access is decided again on every request (a consent withdrawn while the
/// form was open refuses the save), and what they write is marked with their name and service by the plan itself.
/// </summary>
public abstract class WritePage(PortalDbContext db, ConsentBook consentBook, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel, IRefusablePage
{
    public SharedCase Case { get; private set; } = null!;

    protected PortalDbContext Db => db;

    protected TimeProvider Clock => clock;

    protected abstract object Posted { get; }

    /// <summary>The case, when the professional may read its plan now; otherwise the answer to give.</summary>
    protected async Task<IActionResult?> RefusalAsync(Guid childId, CancellationToken cancellationToken)
    {
        if (await SharedCase.FindAsync(db, consentBook, User.UserId(), childId, cancellationToken) is not { } shared)
        {
            return NotFound();
        }

        Case = shared;
        return shared.MayRead ? null : RedirectToPage("/Professionals/Plan", new { childId });
    }

    /// <summary>The plan to add to, its child's row locked on PostgreSQL so a caseworker's save at the same moment waits.</summary>
    protected async Task<Domain.Plans.Plan?> PlanToChangeAsync(Guid childId, CancellationToken cancellationToken) =>
        await RefusalAsync(childId, cancellationToken) is null ? await db.PlanOfAsync(childId, tracked: true, cancellationToken) : null;

    protected RedirectToPageResult Saved()
    {
        TempData["StatusMessage"] = text["Plan.Saved"].Value;
        return RedirectToPage("/Professionals/Plan", new { childId = Case.Child.Id });
    }

    public string FieldFor(DomainException refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return FieldForRule(refusal.Code) ?? FormFields.TextFieldFor(refusal, Posted);
    }

    protected virtual string? FieldForRule(string code) => null;

    public Task<IActionResult> ShowAgainAsync(CancellationToken cancellationToken) => Task.FromResult<IActionResult>(Page());
}
