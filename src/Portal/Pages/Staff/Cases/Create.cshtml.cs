using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Families;
using Portal.Domain.Plans;
using Portal.Identity;
using Portal.Pages.Forms;

namespace Portal.Pages.Staff.Cases;

/// <summary>A caseworker opens a case: the child, one or two custody holders, and the child's own login if old enough.</summary>
public sealed class CreateModel(
    PortalDbContext db,
    FamilyInvitations invitations,
    IOptions<PortalOptions> options,
    IStringLocalizer<SharedResource> text,
    TimeProvider clock) : PageModel, IRefusablePage
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public int YouthMinimumAge => options.Value.YouthAccountMinimumAge;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Input.SecondHolderName) != string.IsNullOrWhiteSpace(Input.SecondHolderEmail))
        {
            ModelState.AddModelError("Input.SecondHolderEmail", text["Case.SecondHolderNeedsBoth"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var caseworker = User.ToActor();
        var child = new Child(Input.ChildName, Input.DateOfBirth!.Value, DanishTime.Today(clock));
        child.AssignCaseworker(caseworker.UserId);
        db.Children.Add(child);
        db.Plans.Add(Plan.StartFor(child.Id, caseworker, clock.GetUtcNow()));

        var invited = new List<(string Field, InviteResult Result)>
        {
            ("Input.FirstHolderEmail", await invitations.InviteAsync(child, Input.FirstHolderName, Input.FirstHolderEmail, InvitationKind.CustodyHolder)),
        };
        if (!string.IsNullOrWhiteSpace(Input.SecondHolderEmail))
        {
            invited.Add(("Input.SecondHolderEmail", await invitations.InviteAsync(child, Input.SecondHolderName!, Input.SecondHolderEmail, InvitationKind.CustodyHolder)));
        }

        if (!string.IsNullOrWhiteSpace(Input.YouthEmail))
        {
            invited.Add(("Input.YouthEmail", await invitations.InviteAsync(child, Input.ChildName, Input.YouthEmail, InvitationKind.Youth)));
        }

        foreach (var (field, _) in invited.Where(item => item.Result == InviteResult.EmailBelongsToSomeoneElse))
        {
            ModelState.AddModelError(field, text["Case.EmailInUse"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = text["Case.Created"].Value;
        return RedirectToPage("./Case", new { childId = child.Id });
    }

    public string FieldFor(DomainException refusal) =>
        refusal?.Code.StartsWith("Child.TooYoung", StringComparison.Ordinal) == true ? "Input.YouthEmail" : string.Empty;

    public Task<IActionResult> ShowAgainAsync(CancellationToken cancellationToken) => Task.FromResult<IActionResult>(Page());

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(Child.NameMaxLength, ErrorMessage = "Validation.TooLong")]
        [PlainText]
        [Display(Name = "Field.ChildName")]
        public string ChildName { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.DateOfBirth")]
        public DateOnly? DateOfBirth { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(Invitation.NameMaxLength, ErrorMessage = "Validation.TooLong")]
        [PlainText]
        [Display(Name = "Field.FirstHolderName")]
        public string FirstHolderName { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [PortalEmail]
        [StringLength(Invitation.EmailMaxLength, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Field.FirstHolderEmail")]
        public string FirstHolderEmail { get; set; } = string.Empty;

        [StringLength(Invitation.NameMaxLength, ErrorMessage = "Validation.TooLong")]
        [PlainText]
        [Display(Name = "Field.SecondHolderName")]
        public string? SecondHolderName { get; set; }

        [PortalEmail]
        [StringLength(Invitation.EmailMaxLength, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Field.SecondHolderEmail")]
        public string? SecondHolderEmail { get; set; }

        [PortalEmail]
        [StringLength(Invitation.EmailMaxLength, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Field.YouthEmail")]
        public string? YouthEmail { get; set; }
    }
}
