using System.Collections.Frozen;
using System.IO.Compression;

namespace Portal.Identity;

/// <summary>
/// The most common passwords from leaked password lists (the 49,233 of @zxcvbn-ts/language-common 4.1.3, MIT),
/// loaded once, on the first check, from an embedded resource.
/// </summary>
public sealed class CommonPasswords
{
    // Read on the first check rather than at start: an instance builds its UserManager (and with it this list) at its
    // first login or seeding, but only setting a password asks the list.
    private readonly Lazy<FrozenSet<string>> _passwords = new(Load);

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("Portal.Identity.common-passwords.txt.gz")
            ?? throw new InvalidOperationException("The common password list is missing from the build.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var passwords = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                passwords.Add(line);
            }
        }

        return passwords.ToFrozenSet(StringComparer.Ordinal);
    }

    public int Count => _passwords.Value.Count;

    /// <summary>
    /// True for a listed password, ignoring case, and for a listed password or a run of digits with only digits
    /// and punctuation added at the end ("password1234!", "123456789012").
    /// </summary>
    public bool IsCommon(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var lower = password.ToLowerInvariant();
        if (_passwords.Value.Contains(lower))
        {
            return true;
        }

        var stem = lower.TrimEnd("0123456789!?.,-_#*@$%&+= ".ToCharArray());
        return stem.Length == 0 || _passwords.Value.Contains(stem);
    }
}
