using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Data;
using Portal.Domain.Plans;
using Portal.Pages.Forms;

namespace Portal.Pages.Staff.Cases.PlanEditing;

/// <summary>The shared goals, written with the family: add one, or mark one as reached.</summary>
public sealed class GoalsModel(PortalDbContext db, IStringLocalizer<SharedResource> text, TimeProvider clock)
    : PlanEditPage(db, text, clock)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Task<IActionResult> OnGetAsync(Guid childId, CancellationToken cancellationToken) => ShowAsync(childId, Input, cancellationToken);

    public Task<IActionResult> OnPostAddAsync(Guid childId, CancellationToken cancellationToken) =>
        ChangeAsync(childId, Input, "Input.Text", (plan, caseworker, now) => plan.AddGoal(Input.Text, caseworker, now), cancellationToken);

    public Task<IActionResult> OnPostReachAsync(Guid childId, Guid goalId, CancellationToken cancellationToken)
    {
        // This form only marks a goal; the text field belongs to the other form.
        ModelState.Remove("Input.Text");
        return ChangeAsync(childId, Input, string.Empty, (plan, caseworker, now) => plan.MarkGoalReached(goalId, caseworker, now), cancellationToken);
    }

    public sealed class InputModel : IPlanEdit
    {
        public string ConcurrencyStamp { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(Goal.TextMaxLength, ErrorMessage = "Validation.TooLong")]
        [PlainText]
        [Display(Name = "Field.GoalText")]
        public string Text { get; set; } = string.Empty;
    }
}
