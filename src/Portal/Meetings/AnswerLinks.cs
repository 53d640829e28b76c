using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Portal.Meetings;

/// <summary>
/// The personal link an invitee without an account answers through. It names the meeting, the person and the revision it
/// was made for, sealed with the portal's data-protection keys: nothing to store, and it stops working when the person
/// is removed (the revision moves on) or the meeting is cancelled or held.
/// </summary>
public sealed class AnswerLinks(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Portal.Meetings.AnswerLink.v1");

    public string Create(Guid meetingId, Guid participantId, int revision)
    {
        var payload = new byte[36];
        meetingId.TryWriteBytes(payload.AsSpan(0, 16));
        participantId.TryWriteBytes(payload.AsSpan(16, 16));
        BitConverter.TryWriteBytes(payload.AsSpan(32, 4), revision);
        return WebEncoders.Base64UrlEncode(_protector.Protect(payload));
    }

    /// <summary>What the link names, or null for a link that was never made here or was cut short.</summary>
    public AnswerLink? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 400)
        {
            return null;
        }

        try
        {
            var payload = _protector.Unprotect(WebEncoders.Base64UrlDecode(token));
            return payload.Length == 36
                ? new AnswerLink(new Guid(payload.AsSpan(0, 16)), new Guid(payload.AsSpan(16, 16)), BitConverter.ToInt32(payload, 32))
                : null;
        }
        catch (Exception exception) when (exception is FormatException or System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}

public sealed record AnswerLink(Guid MeetingId, Guid ParticipantId, int Revision);
