using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Data;
using Portal.Domain.Plans;
using Portal.Identity;
using Portal.Pages.Forms;
using Portal.Pages.Plans;

namespace Portal.Pages.Staff.Cases.PlanEditing;

/// <summary>Changing a goal's words, for example after talking it over with the family. The old words stay in the history.</summary>
public sealed class RewordGoalModel(PortalDbContext db, IStringLocalizer<SharedResource> text, TimeProvider clock)
    : PlanEditPage(db, text, clock)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    protected override IPlanEdit Form => Input;

    public async Task<IActionResult> OnGetAsync(Guid childId, Guid goalId, CancellationToken cancellationToken)
    {
        var result = await ShowAsync(childId, cancellationToken);
        var goal = result is NotFoundResult ? null : Plan.Goals.FirstOrDefault(item => item.Id == goalId);
        if (goal is null)
        {
            return NotFound();
        }

        Input.Text = goal.Text;
        return result;
    }

    public async Task<IActionResult> OnPostAsync(Guid childId, Guid goalId, CancellationToken cancellationToken)
    {
        if (await EditAsync(childId, cancellationToken) is not { } plan)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        plan.RewordGoal(goalId, Input.Text, User.ToActor(), Clock.GetUtcNow());
        await Db.SaveChangesAsync(cancellationToken);
        return Saved("./Goals", new { childId });
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
