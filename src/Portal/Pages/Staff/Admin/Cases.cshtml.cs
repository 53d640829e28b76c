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
public sealed class CasesModel(PortalDbContext db, UserManager<PortalUser> users, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<CaseRow> Cases { get; private set; } = [];

    public IReadOnlyList<Person> AllCaseworkers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostAssignAsync(Guid childId, string? caseworkerId, CancellationToken cancellationToken) =>
        ChangeAsync(childId, caseworkerId, (child, id) => child.AssignCaseworker(id), cancellationToken);

    public Task<IActionResult> OnPostUnassignAsync(Guid childId, string? caseworkerId, CancellationToken cancellationToken) =>
        ChangeAsync(childId, caseworkerId, (child, id) => child.UnassignCaseworker(id), cancellationToken);

    private async Task<IActionResult> ChangeAsync(Guid childId, string? caseworkerId, Action<Child, string> change, CancellationToken cancellationToken)
    {
        var caseworker = caseworkerId is null ? null : await users.FindByIdAsync(caseworkerId);
        if (caseworker is null || !await users.IsInRoleAsync(caseworker, Roles.Caseworker))
        {
            return NotFound();
        }

        var child = await db.Children.Include(item => item.Caseworkers).FirstOrDefaultAsync(item => item.Id == childId, cancellationToken);
        if (child is null)
        {
            return NotFound();
        }

        try
        {
            change(child, caseworker.Id);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException exception)
        {
            ModelState.AddDomainError(text, exception);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        TempData["StatusMessage"] = text["Admin.Saved"].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        AllCaseworkers = [.. (await users.GetUsersInRoleAsync(Roles.Caseworker)).Select(user => new Person(user.Id, user.DisplayName)).OrderBy(person => person.Name, StringComparer.CurrentCulture)];
        var children = await db.Children.AsNoTracking().Include(child => child.Caseworkers).OrderBy(child => child.Name).ToListAsync(cancellationToken);
        Cases = [.. children.Select(child => new CaseRow(
            child.Id,
            child.Name,
            [.. AllCaseworkers.Where(person => child.IsAssignedTo(person.Id))]))];
    }

    public sealed record CaseRow(Guid ChildId, string ChildName, IReadOnlyList<Person> Caseworkers);

    public sealed record Person(string Id, string Name);
}
