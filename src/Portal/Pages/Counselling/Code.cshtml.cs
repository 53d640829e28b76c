using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Counselling;
using Portal.Security;

namespace Portal.Pages.Counselling;

/// <summary>Opening one's place from another device by typing the code: in a form, never in the address.</summary>
[AllowAnonymous]
[FormRateLimit(SecuritySetup.CounsellingPolicy)]
public sealed class CodeModel(CounsellingLine line, TicketCookie cookie, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // A malformed code and an unknown one get the same neutral answer.
        var request = await line.FindByCodeAsync(Input.Code, cancellationToken);
        if (request is null)
        {
            ModelState.AddModelError("Input.Code", text["Counselling.CodeNotFound"]);
            return Page();
        }

        cookie.Write(Response, TicketCodes.Normalize(Input.Code)!);
        return RedirectToPage("./Status");
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(100, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Field.TicketCode")]
        public string Code { get; set; } = string.Empty;
    }
}
