using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Consents;
using Portal.Email;
using Portal.Meetings;

namespace Portal.Consents;

/// <summary>
/// What a consent decision owes, worked out when it is saved: a receipt to the person it is about (with the words they
/// were shown); when a yes now waits for the other custody holder, a word to them; and to a custody holder who said
/// yes before, a word on how the other answered. Without a valid consent for
/// network meetings the partner service is taken off the child's coming meetings; their cancellations are mail too,
/// sent by <see cref="MeetingMail"/>, which is asked after this.
/// </summary>
public sealed class ConsentMail(ConsentWordings wordings, ConsentEmails emails, PortalLinks links) : IOwedMail
{
    public async Task AddAsync(PortalDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var decided = db.ChangeTracker.Entries<Consent>()
            .SelectMany(entry => entry.Entity.Decisions.Where(decision => db.Entry(decision).State == EntityState.Added).Select(decision => (Consent: entry.Entity, Decision: decision)))
            .ToList();
        foreach (var forChild in decided.GroupBy(item => item.Consent.ChildId))
        {
            // The child may be new in this very save.
            var child = db.Children.Local.FirstOrDefault(item => item.Id == forChild.Key)
                ?? await db.Children.AsNoTracking().Include(item => item.CustodyHolders).FirstAsync(item => item.Id == forChild.Key, cancellationToken);

            var memberIds = child.CustodyHolders.Select(holder => holder.UserId).Append(child.YouthUserId).OfType<string>()
                .Concat(forChild.Select(item => item.Decision.PartyId)).Distinct().ToList();
            var members = await db.Users.AsNoTracking().Where(user => memberIds.Contains(user.Id))
                .Select(user => new { user.Id, user.DisplayName, Email = user.PasswordHash == null ? null : user.Email })
                .ToListAsync(cancellationToken);
            var emailOf = members.Where(member => member.Email is not null).ToDictionary(member => member.Id, member => member.Email!);
            var required = ConsentPolicy.RequiredParties(child, DanishTime.DateOf(now), members.ToDictionary(member => member.Id, member => member.DisplayName));
            var consentsLink = links.Page("/Consents/Index", new { childId = child.Id });
            List<Domain.Meetings.NetworkMeeting>? comingMeetings = null;

            // Each decision's title and the consent's status after the save, worked out once for every mail below.
            var answered = forChild
                .Select(item => (item.Consent, item.Decision, Title: wordings.Title(item.Consent.Partner, item.Consent.Purpose, child.Name), Status: item.Consent.StatusAt(now, required)))
                .ToList();

            // Several answers from one person in one save (the review at 15) get one receipt that sums them up.
            var manyAtOnce = answered.GroupBy(item => item.Decision.PartyId).Where(group => group.Count() > 1).ToDictionary(group => group.Key, group => group.ToList());
            foreach (var (party, answers) in manyAtOnce)
            {
                if (emailOf.GetValueOrDefault(party) is { } email)
                {
                    var first = answers[0].Decision;
                    var summary = answers.Select(item => new ConsentAnswer(item.Title, item.Decision.Action, item.Status.ValidUntil)).ToList();
                    db.OutboxMessages.Add(OutboxMessage.Create(emails.Summary(email, first.PartyName, summary, first.At, consentsLink), now));
                }
            }

            foreach (var (consent, decision, title, status) in answered)
            {
                if (!manyAtOnce.ContainsKey(decision.PartyId) && emailOf.GetValueOrDefault(decision.PartyId) is { } email)
                {
                    db.OutboxMessages.Add(OutboxMessage.Create(emails.Receipt(email, decision, title, status, consentsLink), now));
                }

                if (decision.Action == ConsentAction.Given && status.State == ConsentState.WaitingForOthers)
                {
                    foreach (var other in status.Parties.Where(other => other.State is PartyState.Missing or PartyState.Expired))
                    {
                        if (emailOf.GetValueOrDefault(other.Party.Id) is { } otherEmail)
                        {
                            db.OutboxMessages.Add(OutboxMessage.Create(emails.WaitingForYou(otherEmail, other.Party.Name, title, consentsLink), now));
                        }
                    }
                }

                // Whoever said yes before hears how the other answered: now in force, or not in force after all.
                foreach (var earlier in status.Parties.Where(other => other.Party.Id != decision.PartyId && other.State == PartyState.Given))
                {
                    var notice = emailOf.GetValueOrDefault(earlier.Party.Id) is not { } earlierEmail ? null
                        : decision.Action == ConsentAction.Revoked ? emails.OtherSaidNo(earlierEmail, earlier.Party.Name, title, consentsLink)
                        : status.ValidUntil is { } validUntil ? emails.OtherSaidYes(earlierEmail, earlier.Party.Name, title, validUntil, consentsLink)
                        : null;
                    if (notice is not null)
                    {
                        db.OutboxMessages.Add(OutboxMessage.Create(notice, now));
                    }
                }

                if (consent.Purpose == ConsentPurpose.NetworkMeetings && !status.IsValid)
                {
                    comingMeetings ??= await db.NetworkMeetings.StillOn(now).Where(meeting => meeting.ChildId == child.Id).ToListAsync(cancellationToken);
                    foreach (var meeting in comingMeetings)
                    {
                        meeting.ConsentEnded(consent.Partner, now);
                    }
                }
            }
        }
    }
}
