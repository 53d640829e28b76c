using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Consents;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Plans;
using Portal.Identity;
using Portal.Pages.Forms;

namespace Portal.Pages.Professionals;

/// <summary>A professional's own evaluation note on the plan: what happened, and what happens next.</summary>
public sealed class EvaluationModel(PortalDbContext db, ConsentBook consentBook, IStringLocalizer<SharedResource> text, TimeProvider clock)
    : WritePage(db, consentBook, text, clock)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    protected override object Posted => Input;

    public async Task<IActionResult> OnGetAsync(Guid childId, CancellationToken cancellationToken)
    {
        Input.Date = DanishTime.Today(Clock);
        return await RefusalAsync(childId, cancellationToken) ?? Page();
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

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.EvaluationDate")]
        public DateOnly? Date { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(Evaluation.TextMaxLength, ErrorMessage = "Validation.TooLong")]
        [PlainText]
        [Display(Name = "Field.WhatHappened")]
        public string WhatHappened { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(Evaluation.TextMaxLength, ErrorMessage = "Validation.TooLong")]
        [PlainText]
        [Display(Name = "Field.WhatNext")]
        public string WhatNext { get; set; } = string.Empty;

        [Range(EvaluationScores.Lowest, EvaluationScores.Highest, ErrorMessage = "Scores.OutOfRange")]
        [Display(Name = "Scores.FamilyScore")]
        public int? FamilyScore { get; set; }

        [Range(EvaluationScores.Lowest, EvaluationScores.Highest, ErrorMessage = "Scores.OutOfRange")]
        [Display(Name = "Scores.ChildScore")]
        public int? ChildScore { get; set; }

        [Range(EvaluationScores.Lowest, EvaluationScores.Highest, ErrorMessage = "Scores.OutOfRange")]
        [Display(Name = "Scores.ProfessionalScore")]
        public int? ProfessionalScore { get; set; }

        public EvaluationScores Scores => new(FamilyScore, ChildScore, ProfessionalScore);
    }
}
