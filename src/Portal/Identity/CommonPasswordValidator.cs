using Microsoft.AspNetCore.Identity;
using Portal.Data;

namespace Portal.Identity;

public sealed class CommonPasswordValidator(CommonPasswords commonPasswords, IdentityErrorDescriber errors) : IPasswordValidator<PortalUser>
{
    public const string ErrorCode = "PasswordTooCommon";

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        if (password is null || !commonPasswords.IsCommon(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var describer = errors as LocalizedIdentityErrors;
        return Task.FromResult(IdentityResult.Failed(describer?.PasswordTooCommon() ?? new IdentityError { Code = ErrorCode, Description = ErrorCode }));
    }
}
