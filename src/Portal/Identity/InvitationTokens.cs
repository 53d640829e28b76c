using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Data;

namespace Portal.Identity;

/// <summary>
/// Identity tokens for invitation links. They live as long as an invitation (default 7 days), unlike password-reset
/// tokens, and die as soon as the account's security stamp changes: when the password is set, or the link is sent
/// again or revoked. That makes each link single-use.
/// </summary>
public sealed class InvitationTokenProvider(
    IDataProtectionProvider dataProtectionProvider,
    IOptions<InvitationTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<PortalUser>> logger)
    : DataProtectorTokenProvider<PortalUser>(dataProtectionProvider, options, logger)
{
    public const string ProviderName = "Invitation";

    public static string Purpose(Guid invitationId) => $"Invitation:{invitationId:N}";
}

public sealed class InvitationTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public InvitationTokenProviderOptions()
    {
        Name = InvitationTokenProvider.ProviderName;
        TokenLifespan = TimeSpan.FromDays(7);
    }
}
