using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Data;
using Portal.Domain.Plans;
using Portal.Identity;
using Portal.Pages.Forms;
using Portal.Pages.Plans;

namespace Portal.Pages.Staff.Cases.PlanEditing;

/// <summary>The shared goals, written with the family: add one, or mark one as reached.</summary>
public sealed class GoalsModel(PortalDbContext db, IStringLocalizer<SharedResource> text, TimeProvider clock)
    : PlanEditPage(db, text, clock)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    protected override IPlanEdit Form => Input;

    public Task<IActionResult> OnGetAsync(Guid childId, CancellationToken cancellationToken) => ShowAsync(childId, cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(Guid childId, CancellationToken cancellationToken)
    {
        if (await EditAsync(childId, cancellationToken) is not { } plan)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        plan.AddGoal(Input.Text, User.ToActor(), Clock.GetUtcNow(), Input.Marks.Combined());
        await Db.SaveChangesAsync(cancellationToken);
        return Saved();
    }

    public async Task<IActionResult> OnPostReachAsync(Guid childId, Guid goalId, CancellationToken cancellationToken)
    {
        // This form only marks a goal; the text field belongs to the other form.
        ModelState.Remove("Input.Text");
        if (await EditAsync(childId, cancellationToken) is not { } plan)
        {
            return NotFound();
        }

        plan.MarkGoalReached(goalId, User.ToActor(), Clock.GetUtcNow());
        await Db.SaveChangesAsync(cancellationToken);
        return Saved();
    }

    public sealed class InputModel : IPlanEdit
    {
        public string ConcurrencyStamp { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(Goal.TextMaxLength, ErrorMessage = "Validation.TooLong")]
        [PlainText]
        [Display(Name = "Field.GoalText")]
        public string Text { get; set; } = string.Empty;

        [Display(Name = "Marks.Legend")]
        public List<GuidingMarks> Marks { get; set; } = [];
    }
}
