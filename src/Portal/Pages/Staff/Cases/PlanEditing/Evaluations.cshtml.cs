using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Plans;
using Portal.Identity;
using Portal.Pages.Plans;

namespace Portal.Pages.Staff.Cases.PlanEditing;

/// <summary>A dated look back with the family: what happened, and what happens next.</summary>
public sealed class EvaluationsModel(PortalDbContext db, IStringLocalizer<SharedResource> text, TimeProvider clock)
    : PlanEditPage(db, text, clock)
{
    [BindProperty]
    public EvaluationInput Input { get; set; } = new();

    protected override IPlanEdit Form => Input;

    public Task<IActionResult> OnGetAsync(Guid childId, CancellationToken cancellationToken)
    {
        Input.Date = DanishTime.Today(Clock);
        return ShowAsync(childId, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(Guid childId, CancellationToken cancellationToken)
    {
        if (await EditAsync(childId, cancellationToken) is not { } plan)
        {
            return NotFound();
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
