using Microsoft.AspNetCore.Identity;

namespace Portal.Data;

/// <summary>A portal account: a family member or a member of staff. Email is the user name.</summary>
public sealed class PortalUser : IdentityUser
{
    public const int DisplayNameMaxLength = 100;
    public const int EmailMaxLength = 256;

    /// <summary>Long passphrases are welcome; this only stops absurd input.</summary>
    public const int PasswordMaxLength = 256;

    public const int LanguageMaxLength = 16;

    /// <summary>The name shown in the portal's header and to staff.</summary>
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>
    /// The language this person last chose in the portal (a culture name such as "en-GB"), kept so that the mail others'
    /// changes send them is in their language, not the sender's; null until they choose or log in, and then Danish.
    /// </summary>
    public string? Language { get; set; }

    /// <summary>A professional's service; null for everyone else.</summary>
    public Portal.Domain.Professionals.ProfessionalService? Service { get; set; }

    /// <summary>
    /// When an administrator closed this staff account. A closed account is also locked out for good, so no login
    /// (password, MitID or a reset link) opens it, and its security stamp was renewed, which ends its sessions at once.
    /// </summary>
    public DateTimeOffset? DeactivatedAt { get; set; }
}
