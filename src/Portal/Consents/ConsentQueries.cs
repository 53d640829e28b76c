using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Consents;

namespace Portal.Consents;

/// <summary>How much of a consent's history a page loads with it.</summary>
public static class ConsentQueries
{
    /// <summary>
    /// Each person's latest decision: all that a status or a new decision reads (see <see cref="Consent"/>). A tap
    /// then loads a few rows, however often the consent was given and withdrawn before; to find them, the database still
    /// steps through that consent's decisions in the index (measured in README, Performance: a history of thousands).
    /// </summary>
    public static IQueryable<Consent> WithLatestDecisions(this IQueryable<Consent> consents, PortalDbContext db)
    {
        var isLatest = IsItsPartysLatest(db);
        return consents.Include(consent => consent.Decisions.AsQueryable().Where(isLatest));
    }

    /// <summary>Every decision, for the pages that show the history and for the family's own copy of their data.</summary>
    public static IQueryable<Consent> WithWholeHistory(this IQueryable<Consent> consents) =>
        consents.Include(consent => consent.Decisions);

    /// <summary>A decision that is its person's latest on its consent: what still counts. Answered by the index on consent, person and sequence.</summary>
    public static Expression<Func<ConsentDecision, bool>> IsItsPartysLatest(PortalDbContext db) =>
        decision => decision.Sequence == db.Set<ConsentDecision>()
            .Where(same => EF.Property<Guid>(same, ConsentId) == EF.Property<Guid>(decision, ConsentId) && same.PartyId == decision.PartyId)
            .Max(same => same.Sequence);

    private const string ConsentId = "ConsentId";
}
