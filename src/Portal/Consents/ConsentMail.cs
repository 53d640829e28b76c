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
        // The decisions this save adds, found with one look at the change tracker (asking for each decision's entry
        // looked again every time: with a long history that was most of a consent tap's time, measured).
        var added = db.ChangeTracker.Entries<ConsentDecision>().Where(entry => entry.State == EntityState.Added).Select(entry => entry.Entity).ToHashSet();
        var decided = db.ChangeTracker.Entries<Consent>()
            .SelectMany(entry => entry.Entity.Decisions.Where(added.Contains).Select(decision => (Consent: entry.Entity, Decision: decision)))
            .ToList();
        foreach (var forChild in decided.GroupBy(item => item.Consent.ChildId))
        {
            // The child may be new in this very save.
            var child = db.Children.Local.FirstOrDefault(item => item.Id == forChild.Key)
                ?? await db.Children.AsNoTracking().Include(item => item.CustodyHolders).FirstAsync(item => item.Id == forChild.Key, cancellationToken);

            var memberIds = child.CustodyHolders.Select(holder => holder.UserId).Append(child.YouthUserId).OfType<string>()
                .Concat(forChild.Select(item => item.Decision.PartyId)).Distinct().ToList();
            var members = await db.Users.AsNoTracking().Where(user => memberIds.Contains(user.Id))
                .Select(user => new { user.Id, user.DisplayName, Email = user.PasswordHash == null ? null : user.Email, user.Language })
                .ToListAsync(cancellationToken);
            var recipients = members.Where(member => member.Email is not null).ToDictionary(member => member.Id, member => new Recipient(member.Email!, member.Language));
            var required = ConsentPolicy.RequiredParties(child, DanishTime.DateOf(now), members.ToDictionary(member => member.Id, member => member.DisplayName));
            var consentsLink = links.Page("/Consents/Index", new { childId = child.Id });
            List<Domain.Meetings.NetworkMeeting>? comingMeetings = null;

            // Each consent's status after the save, worked out once for every mail below; its title is written in each
            // recipient's own language.
            var answered = forChild.Select(item => (item.Consent, item.Decision, Status: item.Consent.StatusAt(now, required))).ToList();
            string TitleOf(Consent consent) => wordings.Title(consent.Partner, consent.Purpose, child.Name);
            void Send(string partyId, Func<string, EmailMessage?> write)
            {
                if (recipients.GetValueOrDefault(partyId) is { } recipient && MailLanguage.In(recipient.Language, () => write(recipient.Email)) is { } message)
                {
                    db.OutboxMessages.Add(OutboxMessage.Create(message, now));
                }
            }

            // Several answers from one person in one save (the review at 15) get one receipt that sums them up.
            var manyAtOnce = answered.GroupBy(item => item.Decision.PartyId).Where(group => group.Count() > 1).ToDictionary(group => group.Key, group => group.ToList());
            foreach (var (party, answers) in manyAtOnce)
            {
                var first = answers[0].Decision;
                Send(party, email => emails.Summary(email, first.PartyName, [.. answers.Select(item => new ConsentAnswer(TitleOf(item.Consent), item.Decision.Action, item.Status.ValidUntil))], first.At, consentsLink));
            }

            foreach (var (consent, decision, status) in answered)
            {
                if (!manyAtOnce.ContainsKey(decision.PartyId))
                {
                    Send(decision.PartyId, email => emails.Receipt(email, decision, TitleOf(consent), status, consentsLink));
                }

                if (decision.Action == ConsentAction.Given && status.State == ConsentState.WaitingForOthers)
                {
                    foreach (var other in status.Parties.Where(other => other.State is PartyState.Missing or PartyState.Expired))
                    {
                        Send(other.Party.Id, email => emails.WaitingForYou(email, other.Party.Name, TitleOf(consent), consentsLink));
                    }
                }

                // Whoever said yes before hears how the other answered: now in force, or not in force after all.
                foreach (var earlier in status.Parties.Where(other => other.Party.Id != decision.PartyId && other.State == PartyState.Given))
                {
                    Send(earlier.Party.Id, email =>
                        decision.Action == ConsentAction.Revoked ? emails.OtherSaidNo(email, earlier.Party.Name, TitleOf(consent), consentsLink)
                        : status.ValidUntil is { } validUntil ? emails.OtherSaidYes(email, earlier.Party.Name, TitleOf(consent), validUntil, consentsLink)
                        : null);
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

    private sealed record Recipient(string Email, string? Language);
}
