using Microsoft.EntityFrameworkCore;
using Portal.Consents;
using Portal.Data;
using Portal.Domain.Consents;
using Portal.Domain.Meetings;

namespace Portal.Meetings;

/// <summary>
/// A consent for network meetings can also end by expiring, with nobody clicking anything. Each round takes a partner
/// service off every meeting not yet held whose consent no longer holds; the save sends their cancellation (<see cref="MeetingMail"/>).
/// </summary>
public sealed class MeetingConsentSweep(PortalDbContext db, ConsentBook consentBook, TimeProvider clock)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.TryTakeRoundAsync(RowLocks.Rounds.MeetingConsentSweep, cancellationToken))
        {
            return 0;
        }

        var meetings = await db.NetworkMeetings
            .StillOn(now)
            .Where(meeting => meeting.Participants.Any(person => person.Kind == ParticipantKind.PartnerService && person.Decision == ParticipantDecision.Chosen))
            .ToListAsync(cancellationToken);
        if (meetings.Count == 0)
        {
            return 0;
        }

        // The children's consents in one go (three queries however many meetings), not a load per child.
        var childIds = meetings.Select(meeting => meeting.ChildId).Distinct().ToList();
        var children = await db.Children.ForRound(childIds).ToListAsync(cancellationToken);
        var consents = await consentBook.LoadForAsync(children, tracked: false, cancellationToken);
        var taken = 0;
        foreach (var meeting in meetings)
        {
            if (consents.GetValueOrDefault(meeting.ChildId) is not { } childConsents)
            {
                continue;
            }

            var partners = meeting.Participants.Where(IsInvitedPartner).Select(person => person.Partner!.Value).Distinct().ToList();
            taken += partners.Where(partner => !childConsents.Status(partner, ConsentPurpose.NetworkMeetings).IsValid).Sum(partner => meeting.ConsentEnded(partner, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return taken;
    }

    private static bool IsInvitedPartner(NetworkParticipant person) => person.Kind == ParticipantKind.PartnerService && person.IsInvited;
}
