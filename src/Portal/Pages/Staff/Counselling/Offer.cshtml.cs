using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Counselling;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Counselling;
using Portal.Identity;
using Portal.Pages.Forms;

namespace Portal.Pages.Staff.Counselling;

/// <summary>"Offer to the next in line": the form names no request; the offer always goes to whoever is first when it is saved.</summary>
public sealed class OfferModel(PortalDbContext db, CounsellingLine line, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel, IRefusablePage
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public long NextNumber { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return RedirectToPage("./Index");
        }

        var today = DanishTime.Today(clock);
        Input = new InputModel
        {
            StartDate = today.AddDays(7),
            StartTime = new TimeOnly(15, 0),
            AnswerByDate = today.AddDays(3),
            FirstName = (User.FindFirst(PortalClaims.DisplayName)?.Value ?? string.Empty).Split(' ')[0],
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var now = clock.GetUtcNow();
        var open = await db.CounsellingRequests.Where(request => request.State == RequestState.Waiting || request.State == RequestState.Offered).ToListAsync(cancellationToken);
        foreach (var overdue in open.Where(request => request.State == RequestState.Offered).OrderBy(request => request.LinePosition))
        {
            overdue.LapseIfUnanswered(now, await line.BackOfLineAsync(cancellationToken));
        }

        var next = CounsellingRequest.NextInLine(open);
        if (next is null)
        {
            TempData["StatusMessage"] = text["Counselling.NobodyWaiting"].Value;
            return RedirectToPage("./Index");
        }

        var startsAt = DanishTime.FromDanish(Input.StartDate!.Value, Input.StartTime!.Value);
        var answerBy = DanishTime.FromDanish(Input.AnswerByDate!.Value, new TimeOnly(23, 59));
        db.OffersMade.Add(next.Offer(open, startsAt, Input.Place, Input.Online, Input.FirstName, answerBy, now));
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = text["Counselling.Offered", next.QueueNumber].Value;
        return RedirectToPage("./Index");
    }

    /// <summary>A time in the past or a deadline after the time stands at the deadline; a missing place or name at its field.</summary>
    public string FieldFor(DomainException refusal) =>
        refusal.Code == "Counselling.OfferTimesInvalid" ? "Input.AnswerByDate" : FormFields.TextFieldFor(refusal, Input);

    public async Task<IActionResult> ShowAgainAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : RedirectToPage("./Index");

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var waiting = await db.CounsellingRequests.AsNoTracking().Where(request => request.State == RequestState.Waiting).ToListAsync(cancellationToken);
        NextNumber = CounsellingRequest.NextInLine(waiting)?.QueueNumber ?? 0;
        return NextNumber > 0;
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.OfferDate")]
        public DateOnly? StartDate { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.OfferTime")]
        public TimeOnly? StartTime { get; set; }

        [StringLength(CounsellingRequest.PlaceMaxLength, ErrorMessage = "Validation.TooLong")]
        [PlainText]
        [Display(Name = "Field.OfferPlace")]
        public string? Place { get; set; }

        [Display(Name = "Field.OfferOnline")]
        public bool Online { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(CounsellingRequest.FirstNameMaxLength, ErrorMessage = "Validation.TooLong")]
        [PlainText]
        [Display(Name = "Field.CounsellorFirstName")]
        public string FirstName { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.AnswerBy")]
        public DateOnly? AnswerByDate { get; set; }
    }
}
