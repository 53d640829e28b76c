using Microsoft.AspNetCore.Identity;

namespace Portal.Data;

/// <summary>A portal account: a family member or a member of staff. Email is the user name.</summary>
public sealed class PortalUser : IdentityUser
{
    public const int DisplayNameMaxLength = 100;
    public const int EmailMaxLength = 256;

    /// <summary>Long passphrases are welcome; this only stops absurd input.</summary>
    public const int PasswordMaxLength = 256;

    /// <summary>The name shown in the portal's header and to staff.</summary>
    public string DisplayName { get; set; } = string.Empty;
}
