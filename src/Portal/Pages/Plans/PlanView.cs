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
    string? YouthUserId,
    Domain.Plans.Plan Plan,
    IReadOnlyList<Contact> Caseworkers,
    IReadOnlyList<Intervention> ActiveInterventions,
    IReadOnlyList<Intervention> EndedInterventions,
    IReadOnlyList<Transition> ComingTransitions)
{
    /// <summary>
    /// One query: the child, the caseworkers' names and the plan, whose items are stored in its row (its history is not
    /// read here). Null when the child is not among <paramref name="allowedChildren"/> or has no plan.
    /// </summary>
    public static async Task<PlanView?> LoadAsync(PortalDbContext db, IQueryable<Child> allowedChildren, Guid childId, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var found = await allowedChildren.AsNoTracking()
            .Where(child => child.Id == childId)
            .Join(db.Plans, child => child.Id, plan => plan.ChildId, (child, plan) => new
            {
                child.Name,
                child.DateOfBirth,
                child.YouthUserId,
                Plan = plan,
                Caseworkers = child.Caseworkers
                    .Join(db.Users, assignment => assignment.UserId, user => user.Id, (_, user) => user)
                    .OrderBy(user => user.DisplayName)
                    .Select(user => new Contact(user.DisplayName, user.Email ?? string.Empty))
                    .ToList(),
            })
            .AsSingleQuery()
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var plan = found.Plan;

        return new PlanView(
            childId,
            found.Name,
            Child.AgeOn(found.DateOfBirth, today),
            found.YouthUserId,
            plan,
            found.Caseworkers,
            [.. plan.Interventions.Where(item => item.IsActive).OrderBy(item => item.To ?? DateOnly.MaxValue)],
            [.. plan.Interventions.Where(item => !item.IsActive).OrderByDescending(item => item.EndedOn)],
            [.. plan.Transitions.Where(item => item.When >= today).OrderBy(item => item.When)]);
    }
}

public sealed record Contact(string Name, string Email);
