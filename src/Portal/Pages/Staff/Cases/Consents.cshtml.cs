using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Consents;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Consents;
using Portal.Identity;
using Portal.Pages.Consents;
using Portal.Pages.Forms;

namespace Portal.Pages.Staff.Cases;

/// <summary>The caseworker's view of a child's consents, with the full history, and the form to record an answer given orally.</summary>
public sealed class ConsentsModel(
    PortalDbContext db,
    ConsentBook book,
    ConsentWordings wordings,
    IStringLocalizer<SharedResource> shared,
    IStringLocalizer<ConsentsModel> text) : PageModel, IRefusablePage
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Guid ChildId { get; private set; }

    public string ChildName { get; private set; } = string.Empty;

    public bool ChildDecidesAlone { get; private set; }

    public IReadOnlyList<ConsentRow> Rows { get; private set; } = [];

    public IReadOnlyList<Party> Parties { get; private set; } = [];

    public IReadOnlyList<Line> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid childId, CancellationToken cancellationToken) =>
        await LoadAsync(childId, tracked: false, cancellationToken) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(Guid childId, CancellationToken cancellationToken)
    {
        var consents = await LoadAsync(childId, tracked: true, cancellationToken);
        if (consents is null)
        {
            return NotFound();
        }

        var key = (Input.Consent ?? string.Empty).Split('|');
        var partner = default(PartnerService);
        var purpose = default(ConsentPurpose);
        var party = Parties.FirstOrDefault(candidate => candidate.Id == Input.PartyId);
        var known = key.Length == 2
            && Enum.TryParse(key[0], out partner) && Enum.IsDefined(partner)
            && Enum.TryParse(key[1], out purpose) && Enum.IsDefined(purpose);
        if (!known || party is null)
        {
            ModelState.AddModelError(string.Empty, shared["Binding.InvalidNoField"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        book.Decide(consents, partner, purpose, party!, Input.Action!.Value, User.ToActor());
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = shared["Consent.OralRecorded"].Value;
        return RedirectToPage(new { childId });
    }

    public async Task<IActionResult> ShowAgainAsync(CancellationToken cancellationToken) =>
        await LoadAsync(ChildId, tracked: false, cancellationToken) is null ? NotFound() : Page();

    private async Task<ChildConsents?> LoadAsync(Guid childId, bool tracked, CancellationToken cancellationToken)
    {
        var consents = await book.LoadWithHistoryAsync(db.Children.AssignedTo(User.UserId()), childId, tracked, cancellationToken);
        if (consents is null)
        {
            return null;
        }

        (ChildId, ChildName, ChildDecidesAlone) = (childId, consents.Child.Name, consents.ChildDecidesAlone);
        Rows = ConsentRow.For(consents, wordings, viewer: null);

        // Those who decide now, and anyone else with a yes still on record that they may want withdrawn.
        var withYes = consents.Consents.SelectMany(consent => consent.Decisions).GroupBy(decision => decision.PartyId)
            .Select(group => group.MaxBy(decision => decision.Sequence)!)
            .Where(decision => decision.Action == ConsentAction.Given)
            .Select(decision => new Party(decision.PartyId, decision.PartyName, decision.PartyRole));
        Parties = [.. consents.Required.Concat(withYes).DistinctBy(party => party.Id)];
        History = [.. consents.Consents
            .SelectMany(consent => consent.Decisions.Select(decision => new Line(decision.At, decision.Sequence, text[
                decision.Action == ConsentAction.Given ? "LineGiven" : "LineRevoked",
                decision.PartyName,
                wordings.Title(consent.Partner, consent.Purpose, ChildName),
                decision.Method == ConsentMethod.Oral ? text["Oral", decision.RecordedByName ?? string.Empty].Value : text["InPortal"].Value,
                decision.WordingVersion].Value))
                .Concat(consent.Shares.Select(share => new Line(share.At, int.MaxValue, text["Shared", share.ByName, shared["Partner." + consent.Partner].Value, share.What].Value))))
            .OrderByDescending(line => line.At).ThenByDescending(line => line.Sequence)];
        return consents;
    }

    public sealed record Line(DateTimeOffset At, int Sequence, string Text);

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Choose")]
        [StringLength(100)]
        [Display(Name = "Field.Consent")]
        public string Consent { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Choose")]
        [StringLength(450)]
        [Display(Name = "Field.Party")]
        public string PartyId { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Choose")]
        [Display(Name = "Field.ConsentAction")]
        public ConsentAction? Action { get; set; }
    }
}
