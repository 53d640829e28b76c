using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Families;
using Portal.Domain.Plans;

namespace Portal.Pages.Plans;

/// <summary>What the plan page shows, for the family and for staff alike.</summary>
public sealed record PlanView(
    Guid ChildId,
    string ChildName,
    int ChildAge,
    Domain.Plans.Plan Plan,
    IReadOnlyList<Contact> Caseworkers,
    IReadOnlyList<Intervention> ActiveInterventions,
    IReadOnlyList<Intervention> EndedInterventions,
    IReadOnlyList<Transition> ComingTransitions)
{
    public static async Task<PlanView?> LoadAsync(PortalDbContext db, IQueryable<Child> allowedChildren, Guid childId, DateOnly today, CancellationToken cancellationToken)
    {
        var child = await allowedChildren.AsNoTracking().Include(item => item.Caseworkers).FirstOrDefaultAsync(item => item.Id == childId, cancellationToken);
        if (child is null)
        {
            return null;
        }

        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(item => item.ChildId == childId, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var caseworkerIds = child.Caseworkers.Select(assignment => assignment.UserId).ToList();
        var caseworkers = await db.Users.AsNoTracking()
            .Where(user => caseworkerIds.Contains(user.Id))
            .OrderBy(user => user.DisplayName)
            .Select(user => new Contact(user.DisplayName, user.Email ?? string.Empty))
            .ToListAsync(cancellationToken);

        return new PlanView(
            child.Id,
            child.Name,
            child.AgeOn(today),
            plan,
            caseworkers,
            [.. plan.Interventions.Where(item => item.IsActive).OrderBy(item => item.To ?? DateOnly.MaxValue)],
            [.. plan.Interventions.Where(item => !item.IsActive).OrderByDescending(item => item.EndedOn)],
            [.. plan.Transitions.Where(item => item.When >= today).OrderBy(item => item.When)]);
    }
}

public sealed record Contact(string Name, string Email);
