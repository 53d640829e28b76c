using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Plans;
using Portal.Identity;
using Portal.Pages.Forms;
using Portal.Pages.Plans;

namespace Portal.Pages.Staff.Cases.PlanEditing;

/// <summary>What matters to the child, where the course is now, and the next meeting.</summary>
public sealed class OverviewModel(PortalDbContext db, IStringLocalizer<SharedResource> text, TimeProvider clock)
    : PlanEditPage(db, text, clock)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    protected override IPlanEdit Form => Input;

    public async Task<IActionResult> OnGetAsync(Guid childId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(childId, cancellationToken))
        {
            return NotFound();
        }

        var meeting = Plan.NextMeetingAt is { } at ? DanishTime.ToDanish(at) : (DateTimeOffset?)null;
        Input = new InputModel
        {
            ConcurrencyStamp = Plan.ConcurrencyStamp,
            WhatMatters = Plan.WhatMatters,
            Stage = Plan.Stage,
            MeetingDate = meeting is { } date ? DateOnly.FromDateTime(date.DateTime) : null,
            MeetingTime = meeting is { } time ? TimeOnly.FromDateTime(time.DateTime) : null,
            MeetingPlace = Plan.NextMeetingPlace,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid childId, CancellationToken cancellationToken)
    {
        if (await EditAsync(childId, cancellationToken) is not { } plan)
        {
            return NotFound();
        }

        if ((Input.MeetingDate is null) != (Input.MeetingTime is null))
        {
            ModelState.AddModelError("Input.MeetingTime", Text["Plan.MeetingNeedsDateAndTime"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var meeting = Input.MeetingDate is { } date && Input.MeetingTime is { } time ? DanishTime.FromDanish(date, time) : (DateTimeOffset?)null;
        plan.UpdateOverview(Input.WhatMatters, Input.Stage, meeting, Input.MeetingPlace, User.ToActor(), Clock.GetUtcNow());
        await Db.SaveChangesAsync(cancellationToken);
        return Saved();
    }

    protected override string? FieldForRule(string code) => code switch
    {
        "Plan.MeetingInThePast" => "Input.MeetingDate",
        "Plan.UnknownStage" => "Input.Stage",
        _ => null,
    };

    public sealed class InputModel : IPlanEdit
    {
        public string ConcurrencyStamp { get; set; } = string.Empty;

        [StringLength(Domain.Plans.Plan.WhatMattersMaxLength, ErrorMessage = "Validation.TooLong")]
        [PlainText]
        [Display(Name = "Field.WhatMatters")]
        public string? WhatMatters { get; set; }

        [EnumDataType(typeof(CourseStage), ErrorMessage = "Validation.Choose")]
        [Display(Name = "Field.Stage")]
        public CourseStage Stage { get; set; }

        [Display(Name = "Field.MeetingDate")]
        public DateOnly? MeetingDate { get; set; }

        [Display(Name = "Field.MeetingTime")]
        public TimeOnly? MeetingTime { get; set; }

        [StringLength(Domain.Plans.Plan.PlaceMaxLength, ErrorMessage = "Validation.TooLong")]
        [PlainText]
        [Display(Name = "Field.MeetingPlace")]
        public string? MeetingPlace { get; set; }
    }
}
