using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Plans;
using Portal.Identity;
using Portal.Pages.Plans;

namespace Portal.Pages.Staff.Cases.PlanEditing;

/// <summary>Ending an intervention: only with someone taking over, or agreed with the family that it is no longer needed.</summary>
public sealed class EndInterventionModel(PortalDbContext db, IStringLocalizer<SharedResource> text, TimeProvider clock)
    : PlanEditPage(db, text, clock)
{
    [BindProperty]
    public EndInterventionInput Input { get; set; } = new();

    protected override IPlanEdit Form => Input;

    public Intervention Intervention { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid childId, Guid interventionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(childId, cancellationToken) || !FindIntervention(interventionId))
        {
            return NotFound();
        }

        Input.ConcurrencyStamp = Plan.ConcurrencyStamp;
        Input.EndedOn = DanishTime.Today(Clock);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid childId, Guid interventionId, CancellationToken cancellationToken)
    {
        if (await EditAsync(childId, cancellationToken) is not { } plan || !FindIntervention(interventionId))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        plan.EndIntervention(interventionId, Input.EndedOn!.Value, Input.Handover!.Value, Input.TakenOverBy, User.ToActor(), Clock.GetUtcNow());
        await Db.SaveChangesAsync(cancellationToken);
        return Saved("./Interventions", new { childId });
    }

    protected override string? FieldForRule(string code) => code switch
    {
        "Intervention.EndsBeforeItStarts" => "Input.EndedOn",
        "Intervention.UnknownHandover" => "Input.Handover",
        _ => null,
    };

    public override async Task<IActionResult> ShowAgainAsync(CancellationToken cancellationToken)
    {
        var result = await base.ShowAgainAsync(cancellationToken);
        return result is PageResult && !FindIntervention(Intervention.Id) ? NotFound() : result;
    }

    private bool FindIntervention(Guid interventionId)
    {
        Intervention = Plan?.Interventions.FirstOrDefault(item => item.Id == interventionId)!;
        return Intervention is not null;
    }
}
