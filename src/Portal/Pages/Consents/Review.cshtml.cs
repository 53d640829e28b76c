using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Consents;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Consents;
using Portal.Identity;
using Portal.Pages.Forms;

namespace Portal.Pages.Consents;

/// <summary>
/// On the 15th birthday the consents become the young person's own: once, in one screen, they keep or withdraw each.
/// Keeping gives their own yes (with the words shown); withdrawing records their no.
/// </summary>
public sealed class ReviewModel(PortalDbContext db, ConsentBook book, ConsentWordings wordings, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid childId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(childId, tracked: false, cancellationToken) is null)
        {
            return NotFound();
        }

        Input.Choices = [.. Rows.Select(row => new Choice { Partner = row.Partner, Purpose = row.Purpose })];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid childId, CancellationToken cancellationToken)
    {
        var consents = await LoadAsync(childId, tracked: true, cancellationToken);
        if (consents is null)
        {
            return NotFound();
        }

        if (Input.Choices.Count != Rows.Count || Input.Choices.Any(choice => choice.Keep is null || !Rows.Any(row => row.Partner == choice.Partner && row.Purpose == choice.Purpose)))
        {
            ModelState.AddModelError(string.Empty, text["Consent.ChooseEach"]);
            return Page();
        }

        var me = consents.Required.Single();
        foreach (var choice in Input.Choices)
        {
            book.Decide(consents, choice.Partner, choice.Purpose, me, choice.Keep == true ? ConsentAction.Given : ConsentAction.Revoked, recordedBy: null);
        }

        var child = await db.Children.FirstAsync(item => item.Id == childId, cancellationToken);
        child.MarkConsentsReviewed(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = text["Consent.Reviewed"].Value;
        return RedirectToPage("./Index", new { childId });
    }

    /// <summary>Only the young person themself, from 15, and only until they have been through it once.</summary>
    private async Task<ChildConsents?> LoadAsync(Guid childId, bool tracked, CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var consents = await book.LoadWithHistoryAsync(db.Children.Where(child => child.YouthUserId == userId), childId, tracked, cancellationToken);
        if (consents is null || !consents.ChildDecidesAlone || consents.Child.ConsentsReviewedAt is not null)
        {
            return null;
        }

        Rows = [.. ConsentBook.All.Select(item => new Row(
            item.Partner,
            item.Purpose,
            wordings.Title(item.Partner, item.Purpose, consents.Child.Name),
            consents.Find(item.Partner, item.Purpose)?.Decisions.Any(decision => decision.PartyRole == ActorRole.Parent && decision.Action == ConsentAction.Given) == true))];
        return consents;
    }

    public sealed record Row(PartnerService Partner, ConsentPurpose Purpose, string Title, bool ParentsHadSaidYes);

    public sealed class InputModel
    {
        public List<Choice> Choices { get; set; } = [];
    }

    public sealed class Choice
    {
        public PartnerService Partner { get; set; }

        public ConsentPurpose Purpose { get; set; }

        public bool? Keep { get; set; }
    }
}
