using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Data;
using Portal.Domain.Counselling;

namespace Portal.Pages.Staff.Counselling;

/// <summary>The counsellor's start: the line in order of arrival, one button to offer the next, and a small overview. No person is identifiable.</summary>
public sealed class IndexModel(PortalDbContext db, IStringLocalizer<SharedResource> shared, IStringLocalizer<IndexModel> text, TimeProvider clock) : PageModel
{
    public IReadOnlyList<CounsellingRequest> Waiting { get; private set; } = [];

    public IReadOnlyList<CounsellingRequest> WithOffer { get; private set; } = [];

    public int LongestWaitDays { get; private set; }

    public double OffersPerWeek { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        Waiting = await db.CounsellingRequests.AsNoTracking().Where(request => request.State == RequestState.Waiting).OrderBy(request => request.LinePosition).ToListAsync(cancellationToken);
        WithOffer = await db.CounsellingRequests.AsNoTracking().Where(request => request.State == RequestState.Offered || request.State == RequestState.Accepted).OrderBy(request => request.LinePosition).ToListAsync(cancellationToken);
        LongestWaitDays = Waiting.Count == 0 ? 0 : (int)(now - Waiting.Min(request => request.AskedAt)).TotalDays;
        var since = now.AddDays(-28);
        OffersPerWeek = await db.CounsellingRequests.CountAsync(request => request.OfferedAt >= since, cancellationToken) / 4.0;
    }

    public string Describe(CounsellingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parts = new[]
        {
            request.Topic is { } topic ? shared["Topic." + topic].Value : text["NoTopic"].Value,
            request.Asker is { } asker ? text["Asker." + asker].Value : text["NoAsker"].Value,
            request.Form is { } form ? shared["CounsellingForm." + form].Value : text["NoForm"].Value,
            text["WaitedDays", (int)(clock.GetUtcNow() - request.AskedAt).TotalDays].Value,
        };
        return string.Join(" · ", parts);
    }
}
