using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Plans;
using Portal.Identity;

namespace Portal.Pages.MyData;

/// <summary>"Mine data": everything the portal holds about the user and the children they may see, as a page and as JSON.</summary>
public sealed class IndexModel(PortalDbContext db, UserManager<PortalUser> users) : PageModel
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public Export? Data { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Data = await LoadAsync(cancellationToken);
        return Data is null ? Challenge() : Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken cancellationToken)
    {
        var data = await LoadAsync(cancellationToken);
        return data is null
            ? Challenge()
            : File(JsonSerializer.SerializeToUtf8Bytes(data, Json), "application/json", "mine-data-familieportalen.json");
    }

    private async Task<Export?> LoadAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return null;
        }

        var roles = await users.GetRolesAsync(user);
        var children = await db.Children.VisibleToFamilyMember(user.Id).AsNoTracking().OrderBy(child => child.DateOfBirth).ToListAsync(cancellationToken);
        var ids = children.Select(child => child.Id).ToList();
        var plans = await db.Plans.AsNoTracking().Where(plan => ids.Contains(plan.ChildId)).ToListAsync(cancellationToken);
        var invitations = await db.Invitations.AsNoTracking().Where(invitation => invitation.UserId == user.Id)
            .Select(invitation => new InvitationData(invitation.SentAt, invitation.ExpiresAt, invitation.AcceptedAt))
            .ToListAsync(cancellationToken);
        return new Export(
            new AccountData(user.DisplayName, user.Email ?? string.Empty, [.. roles], user.TwoFactorEnabled),
            invitations,
            [.. children.Select(child => new ChildData(child.Id, child.Name, child.DateOfBirth, plans.Single(plan => plan.ChildId == child.Id)))]);
    }

    public sealed record Export(AccountData Account, IReadOnlyList<InvitationData> Invitations, IReadOnlyList<ChildData> Children);

    public sealed record AccountData(string Name, string Email, IReadOnlyList<string> Roles, bool TwoFactorEnabled);

    public sealed record InvitationData(DateTimeOffset SentAt, DateTimeOffset ExpiresAt, DateTimeOffset? AcceptedAt);

    public sealed record ChildData(Guid Id, string Name, DateOnly DateOfBirth, Domain.Plans.Plan Plan);
}
