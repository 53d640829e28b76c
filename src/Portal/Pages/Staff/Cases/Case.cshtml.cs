using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Families;
using Portal.Email;
using Portal.Identity;
using Portal.Pages.Forms;
using Portal.Pages.Plans;

namespace Portal.Pages.Staff.Cases;

/// <summary>One case: the family and their invitations, the family's own words beside the plan, and the way to edit it.</summary>
public sealed class CaseModel(PortalDbContext db, FamilyInvitations invitations, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel, IRefusablePage
{
    private Guid _childId;

    public PlanView? View { get; private set; }

    public IReadOnlyList<Member> Members { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid childId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(childId, cancellationToken))
        {
            return NotFound();
        }

        // The case page shows the plan: the family sees that the caseworker opened it.
        await db.RecordReadAsync(childId, User.ToActor(), Now, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSendAgainAsync(Guid childId, Guid invitationId, CancellationToken cancellationToken)
    {
        if (await FindInvitationAsync(childId, invitationId, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        await invitations.SendAgainAsync(found.Invitation);
        await db.SaveChangesAsync(cancellationToken);
        return Done("Case.InvitationSentAgain", childId);
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid childId, Guid invitationId, CancellationToken cancellationToken)
    {
        if (await FindInvitationAsync(childId, invitationId, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        await invitations.RevokeAsync(found.Invitation, found.Child);
        await db.SaveChangesAsync(cancellationToken);
        return Done("Case.InvitationRevoked", childId);
    }

    public async Task<IActionResult> ShowAgainAsync(CancellationToken cancellationToken) =>
        await LoadAsync(_childId, cancellationToken) ? Page() : NotFound();

    /// <summary>An invitation of a child assigned to this caseworker, to change.</summary>
    private async Task<(Child Child, Invitation Invitation)?> FindInvitationAsync(Guid childId, Guid invitationId, CancellationToken cancellationToken)
    {
        var child = await db.Children.AssignedTo(User.UserId()).Include(item => item.CustodyHolders).FirstOrDefaultAsync(item => item.Id == childId, cancellationToken);
        var invitation = child is null ? null : await db.Invitations.FirstOrDefaultAsync(item => item.Id == invitationId && item.ChildId == childId, cancellationToken);
        _childId = childId;
        return child is null || invitation is null ? null : (child, invitation);
    }

    private RedirectToPageResult Done(string doneKey, Guid childId)
    {
        TempData["StatusMessage"] = text[doneKey].Value;
        return RedirectToPage(new { childId });
    }

    private async Task<bool> LoadAsync(Guid childId, CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        View = await PlanView.LoadAsync(db, db.Children.AssignedTo(User.UserId()), childId, DanishTime.Today(clock), cancellationToken);
        if (View is null)
        {
            return false;
        }

        var child = await db.Children.AsNoTracking().Include(item => item.CustodyHolders).FirstAsync(item => item.Id == childId, cancellationToken);
        var memberIds = child.CustodyHolders.Select(holder => holder.UserId).Append(child.YouthUserId).OfType<string>().ToList();
        var users = await db.Users.AsNoTracking().Where(user => memberIds.Contains(user.Id)).ToListAsync(cancellationToken);
        var sent = await db.Invitations.AsNoTracking().Where(invitation => invitation.ChildId == childId).ToListAsync(cancellationToken);
        var deliveries = await db.OutboxMessages.LatestAsync([.. sent.Select(invitation => invitation.Id)], cancellationToken);
        Members = [.. users.Select(user =>
        {
            var invitation = sent.Where(item => item.UserId == user.Id).OrderByDescending(item => item.SentAt).FirstOrDefault();
            DeliveryState? delivery = invitation is not null && deliveries.TryGetValue(invitation.Id, out var state) ? state : null;
            var kind = user.Id == child.YouthUserId ? InvitationKind.Youth : InvitationKind.CustodyHolder;
            return new Member(user.DisplayName, user.Email ?? string.Empty, kind, invitation, delivery);
        })];
        return true;
    }

    public sealed record Member(string Name, string Email, InvitationKind Kind, Invitation? Invitation, DeliveryState? Delivery);
}
