using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Data;
using Portal.Domain.Professionals;
using Portal.Pages.Forms;

namespace Portal.Pages.Staff.Admin;

/// <summary>The administrator invites a caseworker, a counsellor, another administrator or a professional (with their service).</summary>
public sealed class InviteModel(PortalDbContext db, StaffAccounts accounts, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.Role == Roles.Professional && Input.Service is null)
        {
            ModelState.AddModelError("Input.Service", text["People.ChooseService"].Value);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!await accounts.InviteAsync(Input.Name, Input.Email, Input.Role!, Input.Service))
        {
            ModelState.AddModelError("Input.Email", text["People.EmailTaken"].Value);
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = text["People.Invited", Input.Name].Value;
        return RedirectToPage("/Staff/Admin/People");
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(PortalUser.DisplayNameMaxLength, ErrorMessage = "Validation.TooLong")]
        [PlainText]
        [Display(Name = "Field.Name")]
        public string Name { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [PortalEmail]
        [Display(Name = "Field.Email")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "People.ChooseRole")]
        [AllowedValues(Roles.Caseworker, Roles.Counsellor, Roles.Professional, Roles.Admin, ErrorMessage = "People.ChooseRole")]
        [Display(Name = "Field.Role")]
        public string? Role { get; set; }

        [Display(Name = "Field.Service")]
        public ProfessionalService? Service { get; set; }
    }
}
