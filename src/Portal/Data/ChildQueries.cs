using Microsoft.EntityFrameworkCore;
using Portal.Domain.Families;

namespace Portal.Data;

/// <summary>Who may find which child. Every page that takes a child's id starts from one of these, so a foreign id finds nothing.</summary>
public static class ChildQueries
{
    /// <summary>Children the user has custody of, or the user's own record as a young person.</summary>
    public static IQueryable<Child> VisibleToFamilyMember(this IQueryable<Child> children, string userId) =>
        children.Where(child => child.CustodyHolders.Any(holder => holder.UserId == userId) || child.YouthUserId == userId);

    /// <summary>Children the user sees as family or works with as their caseworker: whose meetings go in the user's calendar.</summary>
    public static IQueryable<Child> InvolvingUser(this IQueryable<Child> children, string userId) =>
        children.Where(child => child.CustodyHolders.Any(holder => holder.UserId == userId) || child.YouthUserId == userId
            || child.Caseworkers.Any(assignment => assignment.UserId == userId));

    /// <summary>
    /// Children whose case the professional was added to. Being added is not access: the plan also needs a legal basis
    /// now (<see cref="Domain.Professionals.ProfessionalAssignment.AllowsReading"/>).
    /// </summary>
    public static IQueryable<Child> WithProfessional(this IQueryable<Child> children, string professionalId) =>
        children.Where(child => child.Professionals.Any(assignment => assignment.UserId == professionalId));

    /// <summary>Children whose case the caseworker is assigned to.</summary>
    public static IQueryable<Child> AssignedTo(this IQueryable<Child> children, string caseworkerId) =>
        children.Where(child => child.Caseworkers.Any(assignment => assignment.UserId == caseworkerId));

    /// <summary>
    /// For the background rounds, which act for no user: the children these ids name, with their custody holders (whose
    /// consent counts). The ids are one parameter, so the SQL is the same however many there are.
    /// </summary>
    public static IQueryable<Child> ForRound(this IQueryable<Child> children, List<Guid> ids) =>
        children.AsNoTracking().Include(child => child.CustodyHolders).Where(child => EF.Parameter(ids).Contains(child.Id));
}
