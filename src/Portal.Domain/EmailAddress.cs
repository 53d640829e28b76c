namespace Portal.Domain;

/// <summary>
/// The portal's one rule for an e-mail address: what it accepts, mail (MimeKit) and calendar invitations (Ical.Net)
/// can carry, so an invitation never fails later in the outbox. A plain <c>local@domain</c>: the local part letters,
/// digits and <c>. _ + - '</c> (no leading, trailing or double dot, at most 64); the domain two or more labels of
/// letters, digits and inner hyphens, ending in a name of letters. ASCII only: without SMTPUTF8 at every relay, an
/// address with æ, ø or å cannot be delivered.
/// </summary>
public readonly record struct EmailAddress
{
    public const int MaxLength = 254;
    private const int LocalMaxLength = 64;
    private const int LabelMaxLength = 63;

    private EmailAddress(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    public static bool TryParse(string? text, out EmailAddress address)
    {
        address = default;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return false;
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != value.LastIndexOf('@') || !IsLocalPart(value[..at]) || !IsDomain(value[(at + 1)..]))
        {
            return false;
        }

        address = new EmailAddress(value);
        return true;
    }

    /// <summary>The checked address, trimmed; a <see cref="DomainException"/> with <paramref name="code"/> + ".Invalid", ".TooLong" or ".Required".</summary>
    public static string Required(string? text, string code) =>
        Optional(text, code) ?? throw new DomainException(code + ".Required");

    /// <summary>Null for nothing written; otherwise as <see cref="Required"/>.</summary>
    public static string? Optional(string? text, string code)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value.Length > MaxLength)
        {
            throw new DomainException(code + ".TooLong");
        }

        return TryParse(value, out var address) ? address.Value : throw new DomainException(code + ".Invalid");
    }

    private static bool IsLocalPart(string local) =>
        local.Length <= LocalMaxLength
        && local[0] != '.' && local[^1] != '.'
        && !local.Contains("..", StringComparison.Ordinal)
        && local.All(character => char.IsAsciiLetterOrDigit(character) || character is '.' or '_' or '+' or '-' or '\'');

    private static bool IsDomain(string domain)
    {
        var labels = domain.Split('.');
        return labels.Length >= 2
            && labels.All(label => label.Length is > 0 and <= LabelMaxLength
                && label[0] != '-' && label[^1] != '-'
                && label.All(character => char.IsAsciiLetterOrDigit(character) || character == '-'))
            && labels[^1].Length >= 2 && labels[^1].All(char.IsAsciiLetter);
    }
}
