using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Consents;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Plans;
using Portal.Identity;
using Portal.Pages.Plans;

namespace Portal.Pages.Professionals;

/// <summary>A professional's own evaluation note on the plan: what happened, and what happens next.</summary>
public sealed class EvaluationModel(PortalDbContext db, ConsentBook consentBook, IStringLocalizer<SharedResource> text, TimeProvider clock)
    : WritePage(db, consentBook, text, clock)
{
    [BindProperty]
    public EvaluationInput Input { get; set; } = new();

    protected override IPlanEdit Posted => Input;

    public async Task<IActionResult> OnGetAsync(Guid childId, CancellationToken cancellationToken)
    {
        Input.Date = DanishTime.Today(Clock);
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

        plan.AddEvaluation(Input.Date!.Value, Input.WhatHappened, Input.WhatNext, DanishTime.Today(Clock), User.ToActor(), Clock.GetUtcNow(), Input.Scores);
        await Db.SaveChangesAsync(cancellationToken);
        return Saved();
    }

    protected override string? FieldForRule(string code) => code == "Evaluation.InTheFuture" ? "Input.Date" : null;
}
