using Microsoft.Extensions.Localization;
using Portal.Consents;
using Portal.Data;
using Portal.Domain.Consents;

namespace Portal.Pages.Consents;

public sealed class RevokeModel(PortalDbContext db, ConsentBook book, ConsentWordings wordings, IStringLocalizer<SharedResource> text)
    : DecisionPage(db, book, wordings, text)
{
    protected override ConsentAction Action => ConsentAction.Revoked;
}
