using System.Security.Cryptography;
using System.Text;

namespace Portal.Counselling;

/// <summary>
/// Ticket codes: 160 bits from a cryptographic random source, written in an easy-to-copy alphabet without the letters
/// that look like digits (Crockford's Base32), in groups of four. Only a SHA-256 hash of the code is stored.
/// </summary>
public static class TicketCodes
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int Bytes = 20;

    /// <summary>Length of a code without dashes: 160 bits at 5 bits a letter.</summary>
    public const int Length = Bytes * 8 / 5;

    public static string NewCode()
    {
        Span<byte> random = stackalloc byte[Bytes];
        RandomNumberGenerator.Fill(random);
        var code = new StringBuilder(Length);
        var buffer = 0;
        var bits = 0;
        foreach (var value in random)
        {
            buffer = (buffer << 8) | value;
            bits += 8;
            while (bits >= 5)
            {
                code.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        return code.ToString();
    }

    /// <summary>Groups of four, for reading aloud and typing: "7K3M-Q9XA-…".</summary>
    public static string Format(string code) => string.Join('-', code.Chunk(4).Select(chunk => new string(chunk)));

    /// <summary>Accepts what a person types: any case, spaces and dashes, O for 0 and I or L for 1. Null when it cannot be a code.</summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 100)
        {
            return null;
        }

        var code = new StringBuilder(Length);
        foreach (var character in typed.ToUpperInvariant())
        {
            var mapped = character switch
            {
                'O' => '0',
                'I' or 'L' => '1',
                ' ' or '-' => '\0',
                _ => character,
            };
            if (mapped == '\0')
            {
                continue;
            }

            if (!Alphabet.Contains(mapped, StringComparison.Ordinal))
            {
                return null;
            }

            code.Append(mapped);
        }

        return code.Length == Length ? code.ToString() : null;
    }

    public static string Hash(string normalizedCode) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(normalizedCode)));
}
