using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Data;
using Portal.Domain;
using Portal.Identity;
using Portal.Pages.Forms;

namespace Portal.Pages.Staff.Cases.PlanEditing;

/// <summary>The posted form of a plan edit carries the plan's stamp as the caseworker saw it.</summary>
public interface IPlanEdit
{
    string ConcurrencyStamp { get; set; }
}

/// <summary>
/// What the caseworker's plan pages share: load the plan of a child assigned to them, apply one domain change, save
/// it only if nobody else saved the plan since the form was shown, and keep the caseworker's text when somebody did.
/// </summary>
public abstract class PlanEditPage(PortalDbContext db, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel
{
    public Guid ChildId { get; private set; }

    public string ChildName { get; private set; } = string.Empty;

    public Domain.Plans.Plan Plan { get; private set; } = null!;

    protected TimeProvider Clock => clock;

    protected IStringLocalizer<SharedResource> Text => text;

    protected async Task<bool> LoadAsync(Guid childId, CancellationToken cancellationToken)
    {
        var child = await db.Children.AssignedTo(User.UserId()).AsNoTracking().FirstOrDefaultAsync(item => item.Id == childId, cancellationToken);
        var plan = child is null ? null : await db.Plans.AsNoTracking().FirstOrDefaultAsync(item => item.ChildId == childId, cancellationToken);
        if (child is null || plan is null)
        {
            return false;
        }

        (ChildId, ChildName, Plan) = (child.Id, child.Name, plan);
        return true;
    }

    /// <summary>Shows the page with the plan's current stamp in the form.</summary>
    protected async Task<IActionResult> ShowAsync(Guid childId, IPlanEdit input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await LoadAsync(childId, cancellationToken))
        {
            return NotFound();
        }

        input.ConcurrencyStamp = Plan.ConcurrencyStamp;
        return Page();
    }

    protected async Task<IActionResult> ChangeAsync(Guid childId, IPlanEdit input, string errorField, Action<Domain.Plans.Plan, Actor, DateTimeOffset> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(change);
        if (!await LoadAsync(childId, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var plan = await db.Plans.FirstAsync(item => item.ChildId == childId, cancellationToken);
        db.Entry(plan).Property(item => item.ConcurrencyStamp).OriginalValue = input.ConcurrencyStamp;
        try
        {
            change(plan, User.ToActor(), clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException exception) when (exception.Code == "Plan.ItemNotFound")
        {
            return NotFound();
        }
        catch (DomainException exception)
        {
            ModelState.AddDomainError(text, exception, errorField);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            // Somebody saved first. Show their version with a new stamp; the caseworker's own text stays in the form.
            ModelState.AddConcurrencyError(text);
            ModelState.Remove("Input.ConcurrencyStamp");
            await LoadAsync(childId, cancellationToken);
            input.ConcurrencyStamp = Plan.ConcurrencyStamp;
            return Page();
        }

        TempData["StatusMessage"] = text["Plan.Saved"].Value;
        return RedirectToPage();
    }
}
