using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Counselling;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Counselling;
using Portal.Pages.Forms;

namespace Portal.Pages.Staff.Counselling;

/// <summary>Records how a request ended and closes it; the email address, if any, is deleted with it.</summary>
public sealed class CloseModel(PortalDbContext db, IOptions<CounsellingOptions> options, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel, IRefusablePage
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public long Number { get; private set; }

    public int RetentionDays => (int)options.Value.Retention.TotalDays;

    public async Task<IActionResult> OnGetAsync(Guid requestId, CancellationToken cancellationToken)
    {
        var request = await db.CounsellingRequests.AsNoTracking().FirstOrDefaultAsync(item => item.Id == requestId && (item.State == RequestState.Offered || item.State == RequestState.Accepted), cancellationToken);
        if (request is null)
        {
            return NotFound();
        }

        Number = request.QueueNumber;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid requestId, CancellationToken cancellationToken)
    {
        var request = await db.CounsellingRequests.FirstOrDefaultAsync(item => item.Id == requestId, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }

        Number = request.QueueNumber;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        request.Close(Input.Outcome!.Value, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = text["Counselling.Closed", Number].Value;
        return RedirectToPage("./Index");
    }

    public Task<IActionResult> ShowAgainAsync(CancellationToken cancellationToken) => Task.FromResult<IActionResult>(Page());

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Choose")]
        [EnumDataType(typeof(Outcome), ErrorMessage = "Validation.Choose")]
        [Display(Name = "Field.Outcome")]
        public Outcome? Outcome { get; set; }
    }
}
