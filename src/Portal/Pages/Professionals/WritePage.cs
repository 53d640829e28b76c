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
/// form was open refuses the save), the form carries the plan's stamp (a second send of the same form, or a save on a plan
/// the caseworker changed meanwhile, is refused with the text kept), and what they write is marked with their name and
/// service by the plan itself.
/// </summary>
public abstract class WritePage(PortalDbContext db, ConsentBook consentBook, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel, IRefusablePage
{
    public SharedCase Case { get; private set; } = null!;

    protected PortalDbContext Db => db;

    protected TimeProvider Clock => clock;

    protected IStringLocalizer<SharedResource> Text => text;

    protected abstract IPlanEdit Posted { get; }

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

    /// <summary>The plan as it is now, with its stamp put in the form; null when it is gone.</summary>
    protected async Task<Domain.Plans.Plan?> ShownPlanAsync(CancellationToken cancellationToken)
    {
        var plan = await db.PlanOfAsync(Case.Child.Id, tracked: false, cancellationToken);
        if (plan is not null)
        {
            ModelState.Remove("Input.ConcurrencyStamp");
            Posted.ConcurrencyStamp = plan.ConcurrencyStamp;
        }

        return plan;
    }

    /// <summary>
    /// The plan to add to, as the professional saw it when the form was drawn: its child's row is locked on PostgreSQL so
    /// a caseworker's save at the same moment waits, and the save is refused if the plan changed after the form was drawn.
    /// </summary>
    protected async Task<Domain.Plans.Plan?> PlanToChangeAsync(Guid childId, CancellationToken cancellationToken)
    {
        if (await RefusalAsync(childId, cancellationToken) is not null || await db.PlanOfAsync(childId, tracked: true, cancellationToken) is not { } plan)
        {
            return null;
        }

        db.Entry(plan).Property(item => item.ConcurrencyStamp).OriginalValue = Posted.ConcurrencyStamp;
        return plan;
    }

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

    /// <summary>After a refusal: the page again, with the text kept and the plan's stamp as it is now.</summary>
    public virtual async Task<IActionResult> ShowAgainAsync(CancellationToken cancellationToken) =>
        await ShownPlanAsync(cancellationToken) is null ? NotFound() : Page();
}
