using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Data;
using Portal.Identity;
using Portal.Pages.Forms;

namespace Portal.Pages.Staff.Admin;

/// <summary>The administrator's list of staff and professionals: send an invitation again, close and reopen accounts.</summary>
public sealed class PeopleModel(PortalDbContext db, StaffAccounts accounts, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<Person> People { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostSendAgainAsync(string userId, CancellationToken cancellationToken)
    {
        if (await FindAsync(userId, cancellationToken) is not { } found || found.User.PasswordHash is not null || found.User.DeactivatedAt is not null)
        {
            return NotFound();
        }

        await accounts.SendAgainAsync(found.User, found.Role);
        await db.SaveChangesAsync(cancellationToken);
        return Done("People.SentAgain", found.User.DisplayName);
    }

    public async Task<IActionResult> OnPostDeactivateAsync(string userId, CancellationToken cancellationToken)
    {
        if (await FindAsync(userId, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        if (found.User.Id == User.UserId())
        {
            // Nobody closes the door behind themselves: another administrator can close this account.
            ModelState.AddModelError(string.Empty, text["People.NotYourself"].Value);
            return await ShowAgainAsync(cancellationToken);
        }

        await accounts.DeactivateAsync(found.User);
        await db.SaveChangesAsync(cancellationToken);
        return Done("People.Deactivated", found.User.DisplayName);
    }

    public async Task<IActionResult> OnPostReactivateAsync(string userId, CancellationToken cancellationToken)
    {
        if (await FindAsync(userId, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        await accounts.ReactivateAsync(found.User);
        await db.SaveChangesAsync(cancellationToken);
        return Done("People.Reactivated", found.User.DisplayName);
    }

    private async Task<IActionResult> ShowAgainAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    private RedirectToPageResult Done(string key, string name)
    {
        TempData["StatusMessage"] = text[key, name].Value;
        return RedirectToPage();
    }

    /// <summary>Staff and professionals with their role; the family never appears here.</summary>
    private IQueryable<Person> StaffQuery(string? userId = null) =>
        from user in userId is null ? db.Users : db.Users.Where(user => user.Id == userId)
        join link in db.UserRoles on user.Id equals link.UserId
        join role in db.Roles on link.RoleId equals role.Id
        where StaffAccounts.InvitableRoles.Contains(role.Name!)
        select new Person(user, role.Name!);

    /// <summary>A member of staff or a professional, tracked to change; never a family member.</summary>
    private Task<Person?> FindAsync(string userId, CancellationToken cancellationToken) =>
        StaffQuery(userId).FirstOrDefaultAsync(cancellationToken);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var staff = await StaffQuery().AsNoTracking().ToListAsync(cancellationToken);
        People = [.. staff
            .OrderBy(person => person.User.DeactivatedAt is not null)
            .ThenBy(person => person.User.DisplayName, StringComparer.CurrentCulture)];
    }

    public sealed record Person(PortalUser User, string Role)
    {
        public bool IsClosed => User.DeactivatedAt is not null;

        public bool IsWaiting => !IsClosed && User.PasswordHash is null;
    }
}
