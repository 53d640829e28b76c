using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Plans;
using Portal.Identity;
using Portal.Pages.Forms;

namespace Portal.Pages.Plans;

/// <summary>The family's own words on the plan: what matters to me, and wishes before the next meeting. Each person edits only their own.</summary>
public sealed class MyWordsModel(PortalDbContext db, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel, IRefusablePage
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Guid ChildId { get; private set; }

    public string ChildName { get; private set; } = string.Empty;

    public IReadOnlyList<FamilyEntry> MyEntries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid childId, Guid? entryId, CancellationToken cancellationToken)
    {
        var plan = await LoadAsync(childId, tracked: false, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        if (entryId is { } id)
        {
            var entry = MyEntries.FirstOrDefault(item => item.Id == id);
            if (entry is null)
            {
                return NotFound();
            }

            Input = new InputModel { EntryId = entry.Id, Kind = entry.Kind, Text = entry.Text };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(Guid childId, CancellationToken cancellationToken)
    {
        var plan = await LoadAsync(childId, tracked: true, cancellationToken);
        if (plan is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (Input.EntryId is { } entryId)
        {
            plan.EditFamilyEntry(entryId, Input.Text, User.ToActor(), clock.GetUtcNow());
        }
        else
        {
            plan.AddFamilyEntry(Input.Kind, Input.Text, User.ToActor(), clock.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = text["Plan.WordsSaved"].Value;
        return RedirectToPage("/Plans/Index", new { childId });
    }

    public string FieldFor(DomainException refusal) => "Input.Text";

    public async Task<IActionResult> ShowAgainAsync(CancellationToken cancellationToken) =>
        await LoadAsync(ChildId, tracked: false, cancellationToken) is null ? NotFound() : Page();

    private async Task<Domain.Plans.Plan?> LoadAsync(Guid childId, bool tracked, CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var child = await db.Children.VisibleToFamilyMember(userId).AsNoTracking().FirstOrDefaultAsync(item => item.Id == childId, cancellationToken);
        if (child is null)
        {
            return null;
        }

        var plan = await db.PlanOfAsync(childId, tracked, cancellationToken);
        ChildId = childId;
        ChildName = child.Name;
        MyEntries = plan?.FamilyEntries.Where(entry => entry.AuthorUserId == userId).OrderByDescending(entry => entry.WrittenAt).ToList() ?? [];
        return plan;
    }

    public sealed class InputModel
    {
        public Guid? EntryId { get; set; }

        [EnumDataType(typeof(FamilyEntryKind), ErrorMessage = "Validation.Choose")]
        [Display(Name = "Field.EntryKind")]
        public FamilyEntryKind Kind { get; set; } = FamilyEntryKind.WhatMattersToMe;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(FamilyEntry.TextMaxLength, ErrorMessage = "Validation.TooLong")]
        [PlainText]
        [Display(Name = "Field.EntryText")]
        public string Text { get; set; } = string.Empty;
    }
}
