using Microsoft.AspNetCore.Identity;
using Portal.Data;

namespace Portal.Identity;

/// <summary>
/// Refuses a password that is easy to guess, by zxcvbn's estimate (dictionaries, keyboard runs, repeats, dates, and
/// the user's own name, e-mail and the portal's name): "aaaaaaaaaaaa", "abcdefghijkl" and "familieportalen" are long
/// enough but guessed at once. Length and no composition rules stay (NIST SP 800-63B).
/// </summary>
public sealed class GuessablePasswordValidator(IdentityErrorDescriber errors) : IPasswordValidator<PortalUser>
{
    public const string ErrorCode = "PasswordTooGuessable";

    /// <summary>zxcvbn's 0–4 scale: 3 is "safely unguessable", about 10^8 guesses or more.</summary>
    public const int MinimumScore = 3;

    private static readonly string[] PortalWords = ["familieportalen", "familie", "portalen", "portal", "kommune", "børn og unge", "boernogunge"];

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var estimate = new Zxcvbn.Zxcvbn().EvaluatePassword(password, OwnWords(user));
        if (estimate.Score >= MinimumScore)
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var describer = errors as LocalizedIdentityErrors;
        return Task.FromResult(IdentityResult.Failed(describer?.PasswordTooGuessable() ?? new IdentityError { Code = ErrorCode, Description = ErrorCode }));
    }

    /// <summary>What a guesser tries first about this person: their name, their e-mail and its parts, and the portal's own words.</summary>
    private static IEnumerable<string> OwnWords(PortalUser user)
    {
        var words = new List<string>(PortalWords);
        foreach (var text in new[] { user.DisplayName, user.Email, user.UserName })
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            words.Add(text);
            words.AddRange(text.Split([' ', '@', '.', '-', '_', '+'], StringSplitOptions.RemoveEmptyEntries).Where(part => part.Length >= 3));
        }

        return words.Select(word => word.ToLowerInvariant()).Distinct();
    }
}
