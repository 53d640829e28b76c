using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Consents;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Consents;
using Portal.Identity;
using Portal.Pages.Forms;

namespace Portal.Pages.Staff.Cases;

/// <summary>Records that information about the child was shared with a partner service: refused unless the consent is valid right now.</summary>
public sealed class ConsentSharingModel(PortalDbContext db, ConsentBook book, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel, IRefusablePage
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Guid ChildId { get; private set; }

    public string ChildName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(Guid childId, CancellationToken cancellationToken) =>
        await LoadAsync(childId, tracked: false, cancellationToken) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(Guid childId, CancellationToken cancellationToken)
    {
        var consents = await LoadAsync(childId, tracked: true, cancellationToken);
        if (consents is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid || !Enum.IsDefined(Input.Partner))
        {
            return Page();
        }

        var consent = book.GetOrStart(consents, Input.Partner, ConsentPurpose.InformationExchange);
        if (consent.StatusAt(clock.GetUtcNow(), consents.Required) is { IsValid: false } status)
        {
            // Say whose answer is missing, so the caseworker knows whom to ask.
            ModelState.AddModelError(string.Empty, text["Consent.NotValidMissing", ConsentWordings.Names(status.Missing)]);
            return Page();
        }

        consent.RecordSharing(Input.What, User.ToActor(), clock.GetUtcNow(), consents.Required);
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = text["Consent.ShareRecorded"].Value;
        return RedirectToPage("./Consents", new { childId });
    }

    public string FieldFor(DomainException refusal) => "Input.What";

    public async Task<IActionResult> ShowAgainAsync(CancellationToken cancellationToken) =>
        await LoadAsync(ChildId, tracked: false, cancellationToken) is null ? NotFound() : Page();

    private async Task<ChildConsents?> LoadAsync(Guid childId, bool tracked, CancellationToken cancellationToken)
    {
        var consents = await book.LoadAsync(db.Children.AssignedTo(User.UserId()), childId, tracked, cancellationToken);
        if (consents is not null)
        {
            (ChildId, ChildName) = (childId, consents.Child.Name);
        }

        return consents;
    }

    public sealed class InputModel
    {
        [Display(Name = "Field.Partner")]
        public PartnerService Partner { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(InformationShare.WhatMaxLength, ErrorMessage = "Validation.TooLong")]
        [PlainText]
        [Display(Name = "Field.SharedWhat")]
        public string What { get; set; } = string.Empty;
    }
}
