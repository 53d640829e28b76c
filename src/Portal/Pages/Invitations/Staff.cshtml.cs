using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Portal.Data;
using Portal.Pages.Forms;
using Portal.Identity;
using Portal.Pages.Staff.Admin;
using Portal.Security;

namespace Portal.Pages.Invitations;

/// <summary>
/// The link in a staff invitation: the new member of staff or professional chooses a password and is logged in. It works
/// once (choosing the password renews the account's stamp, which the link is bound to), until it expires, and never for a
/// closed account.
/// </summary>
[AllowAnonymous]
[FormRateLimit(SecuritySetup.AccountPolicy)]
public sealed class StaffModel(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string Name { get; private set; } = string.Empty;

    /// <summary>Whether the link can no longer be used.</summary>
    public bool Unusable { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? userId, string? code)
    {
        Input = new InputModel { UserId = userId ?? string.Empty, Code = code ?? string.Empty };
        await CheckAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await CheckAsync() is not { } user || !ModelState.IsValid)
        {
            return Page();
        }

        var added = await users.AddPasswordAsync(user, Input.Password);
        if (!added.Succeeded)
        {
            foreach (var error in added.Errors)
            {
                ModelState.AddModelError("Input.Password", error.Description);
            }

            return Page();
        }

        await signIn.SignInAsync(user, isPersistent: false);
        TempData["StatusMessage"] = text["Invitation.Welcome"].Value;
        return RedirectToPage("/Index");
    }

    /// <summary>The invited account, when the link is still good; otherwise <see cref="Unusable"/> is set.</summary>
    private async Task<PortalUser?> CheckAsync()
    {
        var token = LinkCodes.Decode(Input.Code);
        var user = Input.UserId.Length == 0 || token is null ? null : await users.FindByIdAsync(Input.UserId);
        var usable = user is { PasswordHash: null, DeactivatedAt: null }
            && await users.VerifyUserTokenAsync(user, InvitationTokenProvider.ProviderName, StaffAccounts.Purpose(user.Id), token!);
        Unusable = !usable;
        Name = usable ? user!.DisplayName : string.Empty;
        return usable ? user : null;
    }

    public sealed class InputModel : NewPasswordInput
    {
        [StringLength(450)]
        public string UserId { get; set; } = string.Empty;

        [StringLength(2000)]
        public string Code { get; set; } = string.Empty;
    }
}
