using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Data;
using Portal.Pages.Forms;
using Portal.Domain.Families;
using Portal.Identity;
using Portal.MitId;
using Portal.Security;

namespace Portal.Pages.Invitations;

/// <summary>The link in an invitation: the family member chooses a password and is logged in. Works once, until it expires.</summary>
[AllowAnonymous]
[FormRateLimit(SecuritySetup.AccountPolicy)]
public sealed class IndexModel(
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    IStringLocalizer<SharedResource> text,
    InvitationLinks links,
    MitIdAccounts mitId,
    TimeProvider clock) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string Name { get; private set; } = string.Empty;

    /// <summary>Why the link cannot be used (a domain code), or null.</summary>
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? code)
    {
        Input = new InputModel { Id = id, Code = code ?? string.Empty };
        await CheckAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (invitation, user) = await CheckAsync();
        if (invitation is null || user is null || !ModelState.IsValid)
        {
            return Page();
        }

        invitation.Accept(clock.GetUtcNow());
        var added = await users.AddPasswordAsync(user, Input.Password);
        if (!added.Succeeded)
        {
            foreach (var error in added.Errors)
            {
                ModelState.AddModelError("Input.Password", error.Description);
            }

            return Page();
        }

        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        await signIn.SignInAsync(user, isPersistent: false);
        TempData["StatusMessage"] = text["Invitation.Welcome"].Value;
        return RedirectToPage("/Index");
    }

    /// <summary>"Log ind med MitID" instead of a password: the link is checked now and again when MitID answers.</summary>
    public async Task<IActionResult> OnPostMitIdAsync()
    {
        var (invitation, _) = await CheckAsync();
        ModelState.Clear();
        if (invitation is null || !MayUseMitId)
        {
            return Page();
        }

        return Challenge(mitId.TakeInvitation(invitation.Id, Input.Code), MitIdSetup.Scheme);
    }

    /// <summary>Whether the invited person may take the invitation with MitID (a custody holder, or the child from 15).</summary>
    public bool MayUseMitId { get; private set; }

    /// <summary>Finds the invitation and checks its link; sets <see cref="Problem"/> when it cannot be used.</summary>
    private async Task<(Invitation? Invitation, PortalUser? User)> CheckAsync()
    {
        var link = await links.CheckAsync(Input.Id, Input.Code);
        Problem = link.Problem;
        if (link.Invitation is not { } invitation)
        {
            return (null, null);
        }

        Name = invitation.Name;
        MayUseMitId = mitId.IsOn && await links.MayBeTakenWithMitIdAsync(invitation);
        return (invitation, link.User);
    }

    public sealed class InputModel : NewPasswordInput
    {
        public Guid Id { get; set; }

        [StringLength(2000)]
        public string Code { get; set; } = string.Empty;
    }
}
