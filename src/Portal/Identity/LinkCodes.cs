using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Portal.Identity;

/// <summary>Identity tokens as they travel in an emailed link: Base64Url of their UTF-8 bytes.</summary>
public static class LinkCodes
{
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>The token, or null for a code that is empty or not Base64Url (a cut or tampered link).</summary>
    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
