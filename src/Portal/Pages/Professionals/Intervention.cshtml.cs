using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Consents;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Plans;
using Portal.Identity;
using Portal.Pages.Plans;

namespace Portal.Pages.Professionals;

/// <summary>What the professional's service does for the child, from when to when; the plan names them as the one who does it.</summary>
public sealed class InterventionModel(PortalDbContext db, ConsentBook consentBook, IStringLocalizer<SharedResource> text, TimeProvider clock)
    : WritePage(db, consentBook, text, clock)
{
    [BindProperty]
    public InterventionInput Input { get; set; } = new();

    protected override IPlanEdit Posted => Input;

    public async Task<IActionResult> OnGetAsync(Guid childId, CancellationToken cancellationToken)
    {
        Input.From = DanishTime.Today(Clock);
        return await RefusalAsync(childId, cancellationToken) ?? (await ShownPlanAsync(cancellationToken) is null ? NotFound() : Page());
    }

    public async Task<IActionResult> OnPostAsync(Guid childId, CancellationToken cancellationToken)
    {
        if (await PlanToChangeAsync(childId, cancellationToken) is not { } plan)
        {
            return await RefusalAsync(childId, cancellationToken) ?? NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var me = User.ToActor();
        plan.AddIntervention(Input.What, me.Name, Input.From!.Value, Input.To, me, Clock.GetUtcNow(), Input.Marks.Combined());
        await Db.SaveChangesAsync(cancellationToken);
        return Saved();
    }

    protected override string? FieldForRule(string code) => code == "Intervention.EndsBeforeItStarts" ? "Input.To" : null;
}
