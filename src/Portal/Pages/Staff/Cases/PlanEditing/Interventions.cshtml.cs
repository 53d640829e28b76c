using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Data;
using Portal.Domain.Plans;
using Portal.Pages.Forms;

namespace Portal.Pages.Staff.Cases.PlanEditing;

/// <summary>Who does what, from when to when.</summary>
public sealed class InterventionsModel(PortalDbContext db, IStringLocalizer<SharedResource> text, TimeProvider clock)
    : PlanEditPage(db, text, clock)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Task<IActionResult> OnGetAsync(Guid childId, CancellationToken cancellationToken) => ShowAsync(childId, Input, cancellationToken);

    public Task<IActionResult> OnPostAsync(Guid childId, CancellationToken cancellationToken) =>
        ChangeAsync(childId, Input, "Input.To", (plan, caseworker, now) => plan.AddIntervention(Input.What, Input.Who, Input.From!.Value, Input.To, caseworker, now), cancellationToken);

    public sealed class InputModel : IPlanEdit
    {
        public string ConcurrencyStamp { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(Intervention.WhatMaxLength, ErrorMessage = "Validation.TooLong")]
        [PlainText]
        [Display(Name = "Field.InterventionWhat")]
        public string What { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(Intervention.WhoMaxLength, ErrorMessage = "Validation.TooLong")]
        [PlainText]
        [Display(Name = "Field.InterventionWho")]
        public string Who { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.From")]
        public DateOnly? From { get; set; }

        [Display(Name = "Field.To")]
        public DateOnly? To { get; set; }
    }
}
