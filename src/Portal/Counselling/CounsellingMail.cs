using Portal.Data;
using Portal.Domain.Counselling;
using Portal.Email;

namespace Portal.Counselling;

/// <summary>
/// What a counselling offer owes when it is saved: to an asker who left an address for it, a note that there is news.
/// The note says nothing else; the offer itself is read on the status page, with the ticket code.
/// </summary>
public sealed class CounsellingMail(CounsellingEmails emails, PortalLinks links) : IOwedMail
{
    public Task AddAsync(PortalDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var offered = db.ChangeTracker.Entries<CounsellingRequest>()
            .Where(entry => entry.State == Microsoft.EntityFrameworkCore.EntityState.Modified
                && entry.Entity.State == RequestState.Offered
                && entry.Property(request => request.OfferedAt).OriginalValue != entry.Entity.OfferedAt
                && entry.Entity.NoticeEmail is not null)
            .Select(entry => entry.Entity.NoticeEmail!)
            .ToList();
        foreach (var email in offered)
        {
            // Anonymous: no account, so no language of its own; Danish.
            db.OutboxMessages.Add(OutboxMessage.Create(MailLanguage.In(null, () => emails.OfferNotice(email, links.Page("/Counselling/Status"))), now));
        }

        return Task.CompletedTask;
    }
}
