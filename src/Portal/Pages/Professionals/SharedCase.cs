using Microsoft.EntityFrameworkCore;
using Portal.Consents;
using Portal.Data;
using Portal.Domain.Families;
using Portal.Domain.Professionals;

namespace Portal.Pages.Professionals;

/// <summary>
/// A child whose case a professional was added to, and whether the plan may be read now. Nothing more of the consents is
/// told: which parent has said what stays between the family and the caseworker.
/// </summary>
public sealed record SharedCase(Child Child, ProfessionalAssignment Assignment, bool MayRead)
{
    /// <summary>
    /// The professional's cases (one, when <paramref name="childId"/> is given), each with its access decided now from the
    /// consents as they stand: a consent withdrawn a moment ago ends access on the next request.
    /// </summary>
    public static async Task<IReadOnlyList<SharedCase>> LoadAsync(PortalDbContext db, ConsentBook consentBook, string professionalId, Guid? childId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(consentBook);
        var query = db.Children.WithProfessional(professionalId).AsNoTracking()
            .Include(child => child.CustodyHolders)
            .Include(child => child.Professionals.Where(assignment => assignment.UserId == professionalId))
            .AsSingleQuery();
        if (childId is { } id)
        {
            query = query.Where(child => child.Id == id);
        }

        var children = await query.OrderBy(child => child.Name).ToListAsync(cancellationToken);
        if (children.Count == 0)
        {
            return [];
        }

        var consents = await consentBook.LoadForAsync(children, tracked: false, cancellationToken);
        return [.. children.Select(child =>
        {
            var assignment = child.Professionals.Single();
            var book = consents[child.Id];
            return new SharedCase(child, assignment, assignment.AllowsReading(book.Now, book.Consents, book.Required));
        })];
    }

    public static async Task<SharedCase?> FindAsync(PortalDbContext db, ConsentBook consentBook, string professionalId, Guid childId, CancellationToken cancellationToken) =>
        (await LoadAsync(db, consentBook, professionalId, childId, cancellationToken)).SingleOrDefault();
}
