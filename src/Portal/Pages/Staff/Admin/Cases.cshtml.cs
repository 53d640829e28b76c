using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Families;
using Portal.Pages.Forms;

namespace Portal.Pages.Staff.Admin;

/// <summary>Admin assigns caseworkers to cases. Admin sees names and assignments only, never the plans.</summary>
public sealed class CasesModel(PortalDbContext db, UserManager<PortalUser> users, IStringLocalizer<SharedResource> text) : PageModel, IRefusablePage
{
    public IReadOnlyList<CaseRow> Cases { get; private set; } = [];

    public IReadOnlyList<Person> AllCaseworkers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAssignAsync(Guid childId, string? caseworkerId, CancellationToken cancellationToken)
    {
        // Nobody chosen (nobody was left to choose, or the form was sent empty) is a word at the field, not a lost page.
        if (string.IsNullOrEmpty(caseworkerId))
        {
            ModelState.AddModelError(AssignFieldId(childId), text["Admin.ChooseCaseworker"].Value);
            return await ShowAgainAsync(cancellationToken);
        }

        if (await ActiveCaseworkerAsync(caseworkerId) is not { } caseworker || await ChildAsync(childId, cancellationToken) is not { } child)
        {
            return NotFound();
        }

        child.AssignCaseworker(caseworker.Id);
        await db.SaveChangesAsync(cancellationToken);
        return Saved();
    }

    public async Task<IActionResult> OnPostUnassignAsync(Guid childId, string? caseworkerId, CancellationToken cancellationToken)
    {
        if (await CaseworkerAsync(caseworkerId) is not { } caseworker || await ChildAsync(childId, cancellationToken) is not { } child)
        {
            return NotFound();
        }

        child.UnassignCaseworker(caseworker.Id);
        await db.SaveChangesAsync(cancellationToken);
        return Saved();
    }

    public async Task<IActionResult> ShowAgainAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>The id of a case's "add a caseworker" field, where an error about it is shown.</summary>
    public static string AssignFieldId(Guid childId) => $"assign-{childId}";

    private async Task<PortalUser?> CaseworkerAsync(string? caseworkerId)
    {
        var user = caseworkerId is null ? null : await users.FindByIdAsync(caseworkerId);
        return user is not null && await users.IsInRoleAsync(user, Roles.Caseworker) ? user : null;
    }

    /// <summary>A caseworker who can be given a case: not one whose account is closed.</summary>
    private async Task<PortalUser?> ActiveCaseworkerAsync(string? caseworkerId)
    {
        var user = await CaseworkerAsync(caseworkerId);
        return user is { DeactivatedAt: null } ? user : null;
    }

    private Task<Child?> ChildAsync(Guid childId, CancellationToken cancellationToken) =>
        db.Children.Include(item => item.Caseworkers).FirstOrDefaultAsync(item => item.Id == childId, cancellationToken);

    private RedirectToPageResult Saved()
    {
        TempData["StatusMessage"] = text["Admin.Saved"].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        AllCaseworkers = [.. (await users.GetUsersInRoleAsync(Roles.Caseworker)).Select(user => new Person(user.Id, user.DisplayName, user.DeactivatedAt is null)).OrderBy(person => person.Name, StringComparer.CurrentCulture)];
        var children = await db.Children.AsNoTracking().Include(child => child.Caseworkers).OrderBy(child => child.Name).ToListAsync(cancellationToken);
        Cases = [.. children.Select(child => new CaseRow(
            child.Id,
            child.Name,
            [.. AllCaseworkers.Where(person => child.IsAssignedTo(person.Id))]))];
    }

    public sealed record CaseRow(Guid ChildId, string ChildName, IReadOnlyList<Person> Caseworkers);

    public sealed record Person(string Id, string Name, bool IsActive);
}
