using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Consents;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Plans;
using Portal.Identity;
using Portal.Pages.Plans;

namespace Portal.Pages.Professionals;

/// <summary>A professional ends an intervention of their own, saying who takes over; another's is not theirs to end.</summary>
public sealed class EndInterventionModel(PortalDbContext db, ConsentBook consentBook, IStringLocalizer<SharedResource> text, TimeProvider clock)
    : WritePage(db, consentBook, text, clock)
{
    [BindProperty]
    public EndInterventionInput Input { get; set; } = new();

    public Intervention Intervention { get; private set; } = null!;

    protected override IPlanEdit Posted => Input;

    public async Task<IActionResult> OnGetAsync(Guid childId, Guid interventionId, CancellationToken cancellationToken)
    {
        if (await RefusalAsync(childId, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        Input.EndedOn = DanishTime.Today(Clock);
        return await FindOwnAsync(interventionId, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid childId, Guid interventionId, CancellationToken cancellationToken)
    {
        if (await PlanToChangeAsync(childId, cancellationToken) is not { } plan)
        {
            return await RefusalAsync(childId, cancellationToken) ?? NotFound();
        }

        if (!Own(plan, interventionId, activeOnly: false))
        {
            return NotFound();
        }

        if (!Intervention.IsActive)
        {
            // Sent twice, or ended from another tab: it is done, which is what she asked for.
            TempData["StatusMessage"] = Text["Form.DoneMeanwhile"].Value;
            return RedirectToPage("/Professionals/Plan", new { childId });
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        plan.EndIntervention(interventionId, Input.EndedOn!.Value, Input.Handover!.Value, Input.TakenOverBy, User.ToActor(), Clock.GetUtcNow());
        await Db.SaveChangesAsync(cancellationToken);
        return Saved();
    }

    protected override string? FieldForRule(string code) => code switch
    {
        "Intervention.EndsBeforeItStarts" => "Input.EndedOn",
        "Intervention.UnknownHandover" => "Input.Handover",
        _ => null,
    };

    private async Task<bool> FindOwnAsync(Guid interventionId, CancellationToken cancellationToken) =>
        await ShownPlanAsync(cancellationToken) is { } plan && Own(plan, interventionId);

    /// <summary>After a refusal the intervention may have been ended meanwhile: then it is not found any more.</summary>
    public override async Task<IActionResult> ShowAgainAsync(CancellationToken cancellationToken) =>
        await FindOwnAsync(Intervention.Id, cancellationToken) ? Page() : NotFound();

    /// <summary>The professional's own intervention (active, to show the form), to end; another's is not found.</summary>
    private bool Own(Domain.Plans.Plan plan, Guid interventionId, bool activeOnly = true)
    {
        var userId = User.UserId();
        Intervention = plan.Interventions.FirstOrDefault(item => item.Id == interventionId && item.AuthorUserId == userId && (item.IsActive || !activeOnly))!;
        return Intervention is not null;
    }
}
