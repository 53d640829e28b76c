using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Data;
using Portal.Domain;
using Portal.Identity;
using Portal.Pages.Forms;
using Portal.Pages.Plans;

namespace Portal.Pages.Staff.Cases.PlanEditing;

/// <summary>
/// What the caseworker's plan pages share: the plan of a child assigned to them, loaded to show or to change. A change
/// is saved only if nobody else saved the plan since the form was drawn; a refusal (see <see cref="RefusedChanges"/>)
/// shows the plan as it is now, with the caseworker's own text kept in the form.
/// </summary>
public abstract class PlanEditPage(PortalDbContext db, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel, IRefusablePage
{
    public Guid ChildId { get; private set; }

    public string ChildName { get; private set; } = string.Empty;

    public Domain.Plans.Plan Plan { get; private set; } = null!;

    protected PortalDbContext Db => db;

    protected TimeProvider Clock => clock;

    protected IStringLocalizer<SharedResource> Text => text;

    /// <summary>The page's posted form, whose stamp says which version of the plan the caseworker saw.</summary>
    protected abstract IPlanEdit Form { get; }

    protected async Task<bool> LoadAsync(Guid childId, CancellationToken cancellationToken, bool tracked = false)
    {
        var child = await db.Children.AssignedTo(User.UserId()).AsNoTracking().FirstOrDefaultAsync(item => item.Id == childId, cancellationToken);
        var plan = child is null ? null : await db.PlanOfAsync(childId, tracked, cancellationToken);
        if (child is null || plan is null)
        {
            return false;
        }

        (ChildId, ChildName, Plan) = (child.Id, child.Name, plan);
        if (HttpMethods.IsGet(Request.Method))
        {
            // Each plan page the caseworker opens shows the plan: the family sees it under "Hvem har set planen".
            await db.RecordReadAsync(childId, User.ToActor(), clock.GetUtcNow(), cancellationToken);
        }

        return true;
    }

    /// <summary>Shows the page with the plan's current stamp in the form.</summary>
    protected async Task<IActionResult> ShowAsync(Guid childId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(childId, cancellationToken))
        {
            return NotFound();
        }

        Form.ConcurrencyStamp = Plan.ConcurrencyStamp;
        return Page();
    }

    /// <summary>
    /// The plan to change, as the caseworker saw it: its save is refused if somebody else saved the plan after the
    /// form was drawn. Null when the child is not one of the caseworker's.
    /// </summary>
    protected async Task<Domain.Plans.Plan?> EditAsync(Guid childId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(childId, cancellationToken, tracked: true))
        {
            return null;
        }

        db.Entry(Plan).Property(item => item.ConcurrencyStamp).OriginalValue = Form.ConcurrencyStamp;
        return Plan;
    }

    /// <summary>After the save: "Gemt", on this page or the one named.</summary>
    protected RedirectToPageResult Saved(string? pageName = null, object? routeValues = null)
    {
        TempData["StatusMessage"] = text["Plan.Saved"].Value;
        return RedirectToPage(pageName, routeValues);
    }

    public string FieldFor(DomainException refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return FieldForRule(refusal.Code) ?? FormFields.TextFieldFor(refusal, Form);
    }

    /// <summary>The field a refused rule (other than a text's length or presence) is about, for this page's form.</summary>
    protected virtual string? FieldForRule(string code) => null;

    public virtual async Task<IActionResult> ShowAgainAsync(CancellationToken cancellationToken)
    {
        // The stamp drawn is the plan's now, not the one posted, so the next save is made against what is shown.
        ModelState.Remove("Input.ConcurrencyStamp");
        return await ShowAsync(ChildId, cancellationToken);
    }
}
