using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;
using Portal.Domain.Meetings;
using Portal.Identity;
using Portal.Meetings;

namespace Portal.Pages.Meetings;

/// <summary>A child's network meetings for the family, soonest first.</summary>
public sealed class IndexModel(PortalDbContext db) : PageModel
{
    public Guid ChildId { get; private set; }

    public string ChildFirstName { get; private set; } = string.Empty;

    public bool IsYoungPerson { get; private set; }

    public IReadOnlyList<NetworkMeeting> Meetings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid childId, CancellationToken cancellationToken)
    {
        if (await db.Children.VisibleToFamilyMember(User.UserId()).FindMeetingsAsync(db.NetworkMeetings, childId, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        (ChildId, ChildFirstName, Meetings) = (found.Child.Id, found.Child.FirstName, found.Meetings);
        IsYoungPerson = found.Child.YouthUserId == User.UserId();
        return Page();
    }
}
