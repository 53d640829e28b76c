using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Consents;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Consents;
using Portal.Identity;

namespace Portal.Pages.Consents;

/// <summary>Each partner service and purpose for one child: in force or not, who has answered, who is missing, when it expires.</summary>
public sealed class IndexModel(PortalDbContext db, ConsentBook book, ConsentWordings wordings, IStringLocalizer<IndexModel> text) : PageModel
{
    public Guid ChildId { get; private set; }

    public string ChildName { get; private set; } = string.Empty;

    public bool ChildDecidesAlone { get; private set; }

    public bool ViewerIsChild { get; private set; }

    public IReadOnlyList<ConsentRow> Rows { get; private set; } = [];

    public IReadOnlyList<HistoryLine> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid childId, CancellationToken cancellationToken)
    {
        var me = User.ToActor();
        var consents = await book.LoadWithHistoryAsync(db.Children.VisibleToFamilyMember(me.UserId), childId, tracked: false, cancellationToken);
        if (consents is null)
        {
            return NotFound();
        }

        (ChildId, ChildName, ChildDecidesAlone) = (childId, consents.Child.Name, consents.ChildDecidesAlone);
        ViewerIsChild = consents.Child.YouthUserId == me.UserId;
        Rows = ConsentRow.For(consents, wordings, consents.PartyFor(me.UserId, me.Role));
        History = [.. consents.Consents
            .SelectMany(consent => consent.Decisions.Select(decision => (consent, decision)))
            .OrderByDescending(item => item.decision.At).ThenByDescending(item => item.decision.Sequence)
            .Select(item => new HistoryLine(item.decision.At, Line(item.consent, item.decision, me.UserId)))];
        return Page();
    }

    /// <summary>The state in words. Other family members are named by their role, never by name or address.</summary>
    public string Describe(ConsentRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var parts = new List<string> { text["State." + row.Status.State] };
        if (row.MyState == PartyState.Given && row.MyLatest is { } mine)
        {
            parts.Add(text["GivenByYou", Portal.Localization.Dates.Date(DanishTime.DateOf(mine.At))]);
        }

        if (row.Status.State == ConsentState.WaitingForOthers && row.MyState == PartyState.Given)
        {
            parts.Add(text["WaitingForOther"]);
        }

        if (row.Status.State == ConsentState.WaitingForOthers && row.MyState is PartyState.Missing or PartyState.Expired)
        {
            parts.Add(text["WaitingForYou"]);
        }

        var expiry = row.Status.ValidUntil ?? (row.MyState == PartyState.Given ? row.MyLatest?.ExpiresAt : null);
        if (expiry is { } until)
        {
            parts.Add(text["Expires", Portal.Localization.Dates.Date(DanishTime.DateOf(until))]);
        }

        return string.Join(" · ", parts);
    }

    private string Line(Consent consent, ConsentDecision decision, string myId)
    {
        // The child reads about a parent in the child's own words; a parent reads about "the other parent".
        var who = decision.PartyId == myId ? text["You"].Value
            : decision.PartyRole == ActorRole.Youth ? decision.PartyName
            : ViewerIsChild ? text["YourParent"].Value
            : text["OtherParent"].Value;
        var what = wordings.Title(consent.Partner, consent.Purpose, ChildName);
        var how = decision.Method == ConsentMethod.Oral ? text["Oral", decision.RecordedByName ?? string.Empty] : text["InPortal"];
        return text[decision.Action == ConsentAction.Given ? "LineGiven" : "LineRevoked", who, what, how.Value];
    }

    public sealed record HistoryLine(DateTimeOffset At, string Text);
}
