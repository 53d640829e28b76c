using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Counselling;
using Portal.Domain;
using Portal.Domain.Counselling;
using Portal.Pages.Forms;
using Portal.Security;

namespace Portal.Pages.Counselling;

/// <summary>Asking De Åbne Rådgivninger for help: no account, no name, every field optional.</summary>
[AllowAnonymous]
[FormRateLimit(SecuritySetup.CounsellingPolicy)]
[Portal.Data.NoFormTransaction]
public sealed class IndexModel(CounsellingLine line, CounsellingArrivals arrivals, TicketCookie cookie) : PageModel, IRefusablePage
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // This device already has a place in the line: show it rather than a blank form.
        var existing = await line.FindByCodeAsync(cookie.Read(Request), cancellationToken);
        return existing is { IsOpen: true } ? RedirectToPage("./Status") : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var joined = await arrivals.JoinAsync(Input.Asker, Input.Topic, Input.Form, Input.Message, Input.Email, cancellationToken);
        cookie.Write(Response, joined.Code);
        TempData["CounsellingNew"] = true;
        return RedirectToPage("./Status");
    }

    public Task<IActionResult> ShowAgainAsync(CancellationToken cancellationToken) => Task.FromResult<IActionResult>(Page());

    public sealed class InputModel
    {
        [EnumDataType(typeof(Asker), ErrorMessage = "Validation.Choose")]
        [Display(Name = "Field.Asker")]
        public Asker? Asker { get; set; }

        [EnumDataType(typeof(Topic), ErrorMessage = "Validation.Choose")]
        [Display(Name = "Field.Topic")]
        public Topic? Topic { get; set; }

        [EnumDataType(typeof(CounsellingForm), ErrorMessage = "Validation.Choose")]
        [Display(Name = "Field.CounsellingForm")]
        public CounsellingForm? Form { get; set; }

        [StringLength(CounsellingRequest.MessageMaxLength, ErrorMessage = "Validation.TooLong")]
        [PlainText]
        [Display(Name = "Field.CounsellingMessage")]
        public string? Message { get; set; }

        [PortalEmail]
        [StringLength(CounsellingRequest.EmailMaxLength, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Field.NoticeEmail")]
        public string? Email { get; set; }
    }
}
