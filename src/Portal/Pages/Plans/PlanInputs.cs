using System.ComponentModel.DataAnnotations;
using Portal.Domain.Plans;
using Portal.Pages.Forms;

namespace Portal.Pages.Plans;

// The fields of the forms that write into a plan, shared by the caseworker's plan pages and the professionals' pages:
// the same item is written with the same rules and the same words wherever it is written.

/// <summary>
/// The posted form of a plan edit carries the plan's stamp as the writer saw it: a save made on an older plan (somebody
/// else saved meanwhile, or the same form was sent twice) is refused, and the page is shown again with the text kept.
/// </summary>
public interface IPlanEdit
{
    string ConcurrencyStamp { get; set; }
}

/// <summary>An evaluation: the date, what happened, what happens next, and "Hvordan går det?" from 1 to 10.</summary>
public class EvaluationInput : IPlanEdit
{
    public string ConcurrencyStamp { get; set; } = string.Empty;

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

/// <summary>An intervention: what is done, from when to when, and the guiding marks it serves. Who does it is the page's.</summary>
public class InterventionInput : IPlanEdit
{
    public string ConcurrencyStamp { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(Intervention.WhatMaxLength, ErrorMessage = "Validation.TooLong")]
    [PlainText]
    [Display(Name = "Field.InterventionWhat")]
    public string What { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.From")]
    public DateOnly? From { get; set; }

    [Display(Name = "Field.To")]
    public DateOnly? To { get; set; }

    [Display(Name = "Marks.Legend")]
    public List<GuidingMarks> Marks { get; set; } = [];
}

/// <summary>The end of an intervention: who takes over, and when.</summary>
public class EndInterventionInput : IPlanEdit
{
    public string ConcurrencyStamp { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Choose")]
    [EnumDataType(typeof(Handover), ErrorMessage = "Validation.Choose")]
    [Display(Name = "Field.Handover")]
    public Handover? Handover { get; set; }

    [StringLength(Intervention.TakenOverByMaxLength, ErrorMessage = "Validation.TooLong")]
    [PlainText]
    [Display(Name = "Field.TakenOverBy")]
    public string? TakenOverBy { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.EndedOn")]
    public DateOnly? EndedOn { get; set; }
}
