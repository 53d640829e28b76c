using Portal.Consents;
using Portal.Data;
using Portal.Domain.Consents;

namespace Portal.Pages.Consents;

public sealed class RevokeModel(PortalDbContext db, ConsentBook book, ConsentWordings wordings)
    : DecisionPage(db, book, wordings)
{
    protected override ConsentAction Action => ConsentAction.Revoked;
}
