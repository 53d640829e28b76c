using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Pages.Staff.Admin;

/// <summary>
/// Mail that could not be delivered, kept with its reason, so an administrator can see who never got their invitation,
/// receipt or offer and tell the staff who can reach them another way. Only the envelope is shown, never the text.
/// </summary>
public sealed class MailModel(PortalDbContext db) : PageModel
{
    private const int Shown = 200;

    public IReadOnlyList<Row> Undelivered { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var rows = await db.OutboxMessages.AsNoTracking()
            .Where(message => message.GaveUpAt != null)
            .Select(message => new Row(message.GaveUpAt!.Value, message.To, message.Subject, message.LastError ?? string.Empty, message.Attempts))
            .ToListAsync(cancellationToken);
        Undelivered = [.. rows.OrderByDescending(row => row.GaveUpAt).Take(Shown)];
    }

    public sealed record Row(DateTimeOffset GaveUpAt, string To, string Subject, string Reason, int Attempts)
    {
        /// <summary>The address or content could not be written at all, rather than a server that stayed away.</summary>
        public bool AddressProblem => Reason is "ParseException" or "FormatException" or "ArgumentException" or "SmtpCommandException";
    }
}
