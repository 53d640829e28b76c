using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Email;

namespace Portal.Pages.Staff.Admin;

/// <summary>
/// Mail that could not be delivered, kept with its reason, so an administrator can see who never got their invitation,
/// receipt or offer and tell the staff who can reach them another way. Only the envelope is shown, never the text.
/// </summary>
public sealed class MailModel(PortalDbContext db, IOptions<MailOptions> mail) : PageModel
{
    private const int Shown = 200;

    public IReadOnlyList<Row> Undelivered { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var rows = await db.OutboxMessages.AsNoTracking()
            .Where(message => message.GaveUpAt != null)
            .Select(message => new Row(message.GaveUpAt!.Value, message.To, message.Subject, message.LastError ?? string.Empty, message.Attempts, message.Attempts < mail.Value.MaxAttempts))
            .ToListAsync(cancellationToken);
        Undelivered = [.. rows.OrderByDescending(row => row.GaveUpAt).Take(Shown)];
    }

    /// <param name="RefusedForGood">
    /// Given up before the retries ran out: the dispatcher found the address or content impossible to send, or the server
    /// refused it for good (<see cref="OutboxDispatcher"/> decides which failures are permanent). Otherwise the server
    /// stayed away through every retry.
    /// </param>
    public sealed record Row(DateTimeOffset GaveUpAt, string To, string Subject, string Reason, int Attempts, bool RefusedForGood);
}
