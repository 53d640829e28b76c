using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Consents;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Consents;
using Portal.Domain.Families;
using Portal.Domain.Professionals;
using Portal.Identity;
using Portal.Pages.Forms;

namespace Portal.Pages.Staff.Cases;

/// <summary>
/// The professionals around the child: the caseworker adds a teacher, a health visitor or someone from PPR to the case,
/// with the legal basis where no consent decides, and takes them off again.
/// </summary>
public sealed class ProfessionalsModel(PortalDbContext db, UserManager<PortalUser> users, ConsentBook consentBook, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel, IRefusablePage
{
    public Guid ChildId { get; private set; }

    public string ChildName { get; private set; } = string.Empty;

    public IReadOnlyList<Added> OnTheCase { get; private set; } = [];

    /// <summary>Professionals who can be added: every professional whose account is open and who is not on the case yet.</summary>
    public IReadOnlyList<PortalUser> Available { get; private set; } = [];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid childId, CancellationToken cancellationToken) =>
        await LoadAsync(childId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(Guid childId, CancellationToken cancellationToken)
    {
        ChildId = childId;
        if (await ChildAsync(childId, cancellationToken) is not { } child)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return await ShowAgainAsync(cancellationToken);
        }

        var professional = await users.FindByIdAsync(Input.UserId!);
        if (professional is not { DeactivatedAt: null, Service: { } service } || !await users.IsInRoleAsync(professional, Roles.Professional))
        {
            ModelState.AddModelError("Input.UserId", text["Professionals.Unknown"].Value);
            return await ShowAgainAsync(cancellationToken);
        }

        child.AddProfessional(professional.Id, service, Input.LegalBasis, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Done("Professionals.Added", childId);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid childId, string userId, CancellationToken cancellationToken)
    {
        ChildId = childId;
        if (await ChildAsync(childId, cancellationToken) is not { } child)
        {
            return NotFound();
        }

        child.RemoveProfessional(userId);
        await db.SaveChangesAsync(cancellationToken);
        return Done("Professionals.Removed", childId);
    }

    public string FieldFor(DomainException refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.Code.StartsWith("Child.LegalBasis", StringComparison.Ordinal) ? "Input.LegalBasis" : "Input.UserId";
    }

    public async Task<IActionResult> ShowAgainAsync(CancellationToken cancellationToken) =>
        await LoadAsync(ChildId, cancellationToken) ? Page() : NotFound();

    /// <summary>One of this caseworker's children, tracked to change.</summary>
    private Task<Child?> ChildAsync(Guid childId, CancellationToken cancellationToken) =>
        db.Children.AssignedTo(User.UserId()).Include(child => child.Professionals).FirstOrDefaultAsync(child => child.Id == childId, cancellationToken);

    private RedirectToPageResult Done(string doneKey, Guid childId)
    {
        TempData["StatusMessage"] = text[doneKey].Value;
        return RedirectToPage(new { childId });
    }

    private async Task<bool> LoadAsync(Guid childId, CancellationToken cancellationToken)
    {
        ChildId = childId;
        if (await consentBook.LoadAsync(db.Children.AssignedTo(User.UserId()).Include(child => child.Professionals), childId, tracked: false, cancellationToken) is not { } consents)
        {
            return false;
        }

        var child = consents.Child;
        ChildName = child.Name;
        var professionals = (await users.GetUsersInRoleAsync(Roles.Professional))
            .Where(user => user.Service is not null)
            .OrderBy(user => user.DisplayName, StringComparer.CurrentCulture)
            .ToList();
        var byId = professionals.ToDictionary(user => user.Id);
        OnTheCase = [.. child.Professionals
            .Where(assignment => byId.ContainsKey(assignment.UserId))
            .Select(assignment => new Added(
                byId[assignment.UserId],
                assignment,
                assignment.ExchangeConsentAt(consents.Now, consents.Consents, consents.Required),
                assignment.AllowsReading(consents.Now, consents.Consents, consents.Required)))
            .OrderBy(added => added.User.DisplayName)];
        Available = [.. professionals.Where(user => user.DeactivatedAt is null && !child.Professionals.Any(assignment => assignment.UserId == user.Id))];
        return true;
    }

    public sealed record Added(PortalUser User, ProfessionalAssignment Assignment, ConsentState? ExchangeConsent, bool MayRead);

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Professionals.Choose")]
        [Display(Name = "Field.Professional")]
        public string? UserId { get; set; }

        [StringLength(ProfessionalAssignment.LegalBasisMaxLength, ErrorMessage = "Validation.TooLong")]
        [PlainText]
        [Display(Name = "Field.LegalBasis")]
        public string? LegalBasis { get; set; }
    }
}
