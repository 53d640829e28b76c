using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Consents;
using Portal.Data;
using Portal.Identity;

namespace Portal.Pages.Professionals;

/// <summary>A professional's start page: the children whose case they were added to, and whose plan they may read now.</summary>
public sealed class IndexModel(PortalDbContext db, ConsentBook consentBook) : PageModel
{
    public IReadOnlyList<SharedCase> Cases { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Cases = await SharedCase.LoadAsync(db, consentBook, User.UserId(), null, cancellationToken);
}
