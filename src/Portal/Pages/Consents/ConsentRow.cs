using Portal.Consents;
using Portal.Domain.Consents;

namespace Portal.Pages.Consents;

/// <summary>One line on the consent page: a partner service and a purpose, its state in words, and what the viewer can do.</summary>
public sealed record ConsentRow(
    PartnerService Partner,
    ConsentPurpose Purpose,
    string Title,
    ConsentStatus Status,
    PartyState? MyState,
    ConsentDecision? MyLatest,
    bool CanGive,
    bool CanRevoke)
{
    public static IReadOnlyList<ConsentRow> For(ChildConsents consents, ConsentWordings wordings, Party? viewer) =>
        [.. ConsentBook.All.Select(item =>
        {
            var status = consents.Status(item.Partner, item.Purpose);
            var mine = viewer is null ? null : status.Parties.FirstOrDefault(party => party.Party.Id == viewer.Id);
            var myLatest = viewer is null ? null : consents.Find(item.Partner, item.Purpose)?.LatestBy(viewer.Id);
            return new ConsentRow(
                item.Partner,
                item.Purpose,
                wordings.Title(item.Partner, item.Purpose, consents.Child.Name),
                status,
                mine?.State,
                myLatest,
                CanGive: mine is not null && mine.State != PartyState.Given,
                CanRevoke: myLatest?.Action == ConsentAction.Given);
        })];
}
