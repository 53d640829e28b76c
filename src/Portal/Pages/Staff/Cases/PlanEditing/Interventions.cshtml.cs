using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Data;
using Portal.Domain.Plans;
using Portal.Identity;
using Portal.Pages.Forms;
using Portal.Pages.Plans;

namespace Portal.Pages.Staff.Cases.PlanEditing;

/// <summary>Who does what, from when to when.</summary>
public sealed class InterventionsModel(PortalDbContext db, IStringLocalizer<SharedResource> text, TimeProvider clock)
    : PlanEditPage(db, text, clock)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    protected override IPlanEdit Form => Input;

    public Task<IActionResult> OnGetAsync(Guid childId, CancellationToken cancellationToken) => ShowAsync(childId, cancellationToken);

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

        plan.AddIntervention(Input.What, Input.Who, Input.From!.Value, Input.To, User.ToActor(), Clock.GetUtcNow(), Input.Marks.Combined());
        await Db.SaveChangesAsync(cancellationToken);
        return Saved();
    }

    protected override string? FieldForRule(string code) => code == "Intervention.EndsBeforeItStarts" ? "Input.To" : null;

    public sealed class InputModel : InterventionInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(Intervention.WhoMaxLength, ErrorMessage = "Validation.TooLong")]
        [PlainText]
        [Display(Name = "Field.InterventionWho")]
        public string Who { get; set; } = string.Empty;
    }
}
