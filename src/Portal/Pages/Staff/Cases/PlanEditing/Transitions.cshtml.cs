using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Data;
using Portal.Domain.Plans;
using Portal.Identity;
using Portal.Pages.Forms;
using Portal.Pages.Plans;

namespace Portal.Pages.Staff.Cases.PlanEditing;

/// <summary>Coming changes in the child's life (daycare, school) and who will be there for the child on the other side.</summary>
public sealed class TransitionsModel(PortalDbContext db, IStringLocalizer<SharedResource> text, TimeProvider clock)
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

        plan.AddTransition(Input.Kind, Input.When!.Value, Input.Description, Input.WhoIsThere, User.ToActor(), Clock.GetUtcNow());
        await Db.SaveChangesAsync(cancellationToken);
        return Saved();
    }

    protected override string? FieldForRule(string code) => code == "Transition.UnknownKind" ? "Input.Kind" : null;

    public sealed class InputModel : IPlanEdit
    {
        public string ConcurrencyStamp { get; set; } = string.Empty;

        [EnumDataType(typeof(TransitionKind), ErrorMessage = "Validation.Choose")]
        [Display(Name = "Field.TransitionKind")]
        public TransitionKind Kind { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.TransitionWhen")]
        public DateOnly? When { get; set; }

        [StringLength(Transition.TextMaxLength, ErrorMessage = "Validation.TooLong")]
        [PlainText]
        [Display(Name = "Field.TransitionDescription")]
        public string? Description { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(Transition.TextMaxLength, ErrorMessage = "Validation.TooLong")]
        [PlainText]
        [Display(Name = "Field.WhoIsThere")]
        public string WhoIsThere { get; set; } = string.Empty;
    }
}
