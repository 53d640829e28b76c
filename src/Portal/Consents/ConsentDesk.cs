using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Consents;
using Portal.Email;
using Portal.Meetings;

namespace Portal.Consents;

/// <summary>
/// Records one person's yes or no, with the words they were shown, and puts the receipt (and, on a first yes with joint
/// custody, a notice to the other custody holder) in the outbox, all in the form's one transaction.
/// </summary>
public sealed class ConsentDesk(PortalDbContext db, ConsentBook book, ConsentWordings wordings, ConsentEmails emails, Meetings.MeetingNotices meetingNotices, PortalLinks links, TimeProvider clock)
{
    /// <returns>The new decision, or the person's existing latest one when nothing changed (a double tap).</returns>
    public async Task<ConsentDecision?> DecideAsync(
        ChildConsents consents,
        PartnerService partner,
        ConsentPurpose purpose,
        Party party,
        ConsentAction action,
        Actor? recordedBy,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consents);
        ArgumentNullException.ThrowIfNull(party);
        var consent = book.GetOrStart(consents, partner, purpose);
        var wording = wordings.For(partner, purpose, consents.Child.Name, book.ValidityMonths);
        var method = recordedBy is null ? ConsentMethod.Portal : ConsentMethod.Oral;
        var now = clock.GetUtcNow();
        var decision = action == ConsentAction.Given
            ? consent.Give(party, wording, method, recordedBy, now, book.ValidityMonths, consents.Required)
            : consent.Revoke(party, wording, method, recordedBy, now, consents.Required);
        if (decision is null)
        {
            return consent.LatestBy(party.Id);
        }

        var title = wordings.Title(partner, purpose, consents.Child.Name);
        var consentsLink = links.Page("/Consents/Index", new { childId = consents.Child.Id });
        if (await EmailOfAsync(party.Id, cancellationToken) is { } email)
        {
            db.OutboxMessages.Add(OutboxMessage.Create(emails.Receipt(email, decision, title, consentsLink), now));
        }

        var status = consent.StatusAt(now, consents.Required);
        if (action == ConsentAction.Given && status.State == ConsentState.WaitingForOthers)
        {
            foreach (var other in status.Parties.Where(other => other.State is PartyState.Missing or PartyState.Expired))
            {
                if (await EmailOfAsync(other.Party.Id, cancellationToken) is { } otherEmail)
                {
                    db.OutboxMessages.Add(OutboxMessage.Create(emails.WaitingForYou(otherEmail, other.Party.Name, title, consentsLink), now));
                }
            }
        }

        if (purpose == ConsentPurpose.NetworkMeetings && !status.IsValid)
        {
            await TakePartnerOffMeetingsAsync(consents.Child, partner, now, cancellationToken);
        }

        return decision;
    }

    /// <summary>Without a valid consent the partner service may not take part: off every meeting not yet held, with a cancellation.</summary>
    private async Task TakePartnerOffMeetingsAsync(Domain.Families.Child child, PartnerService partner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var meetings = await db.NetworkMeetings.StillOn(now).Where(meeting => meeting.ChildId == child.Id).ToListAsync(cancellationToken);
        foreach (var meeting in meetings.Where(meeting => meeting.ConsentEnded(partner, now) > 0))
        {
            meetingNotices.QueueDue(meeting, child.Name);
        }
    }

    private Task<string?> EmailOfAsync(string partyId, CancellationToken cancellationToken) =>
        db.Users.Where(user => user.Id == partyId && user.PasswordHash != null).Select(user => user.Email).FirstOrDefaultAsync(cancellationToken);
}
