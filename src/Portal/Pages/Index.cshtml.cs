using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Consents;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Consents;
using Portal.Identity;

namespace Portal.Pages;

/// <summary>The start page: a welcome for visitors, "your children" for a parent, the youth's own page, staff's welcome.</summary>
[AllowAnonymous]
public sealed class IndexModel(PortalDbContext db, ConsentBook consentBook, TimeProvider clock) : PageModel
{
    public bool SignedIn { get; private set; }

    public string DisplayName { get; private set; } = string.Empty;

    public IReadOnlyList<ChildCard> Children { get; private set; } = [];

    public ChildCard? OwnChild { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return Page();
        }

        // Staff start where their work is.
        if (User.IsInRole(Roles.Caseworker))
        {
            return RedirectToPage("/Staff/Cases/Index");
        }

        if (User.IsInRole(Roles.Admin))
        {
            return RedirectToPage("/Staff/Admin/Cases");
        }

        if (User.IsInRole(Roles.Counsellor))
        {
            return RedirectToPage("/Staff/Counselling/Index");
        }

        if (User.IsInRole(Roles.Professional))
        {
            return RedirectToPage("/Professionals/Index");
        }

        SignedIn = true;
        DisplayName = User.FindFirstValue(PortalClaims.DisplayName) ?? string.Empty;
        var today = DanishTime.Today(clock);

        // Ownership is part of the query: a parent finds only children they have custody of. The family members' names
        // (for the consents) and the time of each child's next meeting come in the same query.
        var now = clock.GetUtcNow();
        var stillOn = Portal.Meetings.MeetingQueries.StillOnAt(now);
        var family = await db.Children.VisibleToFamilyMember(userId).AsNoTracking().Include(child => child.CustodyHolders)
            .OrderBy(child => child.DateOfBirth)
            .Select(child => new
            {
                Child = child,
                YouthName = db.Users.Where(user => user.Id == child.YouthUserId).Select(user => user.DisplayName).FirstOrDefault(),
                HolderNames = child.CustodyHolders
                    .Join(db.Users, holder => holder.UserId, user => user.Id, (_, user) => new { user.Id, user.DisplayName })
                    .ToList(),
                NextMeetingAt = db.NetworkMeetings.Where(stillOn).Where(meeting => meeting.ChildId == child.Id)
                    .OrderBy(meeting => meeting.StartsAt).Select(meeting => (DateTimeOffset?)meeting.StartsAt).FirstOrDefault(),

                // The young person's own consents not yet gone through, after a parent's yes: in the history, which the
                // consents below are loaded without. Asked of the database only for that young person's own card.
                OwnConsentsToReview = child.YouthUserId == userId && child.ConsentsReviewedAt == null
                    && db.Consents.Where(consent => consent.ChildId == child.Id)
                        .Any(consent => consent.Decisions.Any(decision => decision.PartyRole == ActorRole.Parent && decision.Action == ConsentAction.Given)),
            })
            .AsSingleQuery()
            .ToListAsync(cancellationToken);
        var children = family.ConvertAll(row => row.Child);
        var names = family.SelectMany(row => row.HolderNames)
            .Concat(family.Where(row => row.YouthName is not null).Select(row => new { Id = row.Child.YouthUserId!, DisplayName = row.YouthName! }))
            .DistinctBy(member => member.Id)
            .ToDictionary(member => member.Id, member => member.DisplayName);
        var allConsents = await consentBook.LoadForAsync(children, names, tracked: false, cancellationToken);

        var cards = new List<ChildCard>();
        foreach (var (child, nextMeetingAt, ownConsentsToReview) in family.Select(row => (row.Child, row.NextMeetingAt, row.OwnConsentsToReview)))
        {
            var consents = allConsents[child.Id];
            var waitingForMe = ConsentBook.All.Count(item =>
                consents.Status(item.Partner, item.Purpose) is { State: ConsentState.WaitingForOthers } status
                && status.Parties.Any(party => party.Party.Id == userId && party.State != PartyState.Given));

            // At 15 the consents become the young person's own: they go through them once, before anything else.
            if (ownConsentsToReview && consents.ChildDecidesAlone)
            {
                return RedirectToPage("/Consents/Review", new { childId = child.Id });
            }

            cards.Add(new ChildCard(child.Id, child.Name, child.AgeOn(today), waitingForMe, child.YouthUserId == userId, nextMeetingAt));
        }

        Children = [.. cards.Where(card => !card.IsSelf)];
        OwnChild = cards.FirstOrDefault(card => card.IsSelf);

        // A parent's card says when; the young person's own page shows the meeting itself, with who is coming.
        if (OwnChild is { NextMeetingAt: not null } self)
        {
            var own = await Meetings.NextMeetingView.LoadAsync(db, [self.Id], now, cancellationToken);
            OwnChild = self with { NextMeeting = own.GetValueOrDefault(self.Id) };
        }

        return Page();
    }

    public sealed record ChildCard(Guid Id, string Name, int Age, int ConsentsWaitingForMe, bool IsSelf, DateTimeOffset? NextMeetingAt)
    {
        /// <summary>The young person's own next meeting, in full; not loaded for a parent's cards.</summary>
        public Domain.Meetings.NetworkMeeting? NextMeeting { get; init; }
    }
}
