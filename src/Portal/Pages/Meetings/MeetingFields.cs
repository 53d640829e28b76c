using Portal.Domain;

namespace Portal.Pages.Meetings;

/// <summary>Which form field a refused meeting change belongs next to, so the message sits where the mistake is.</summary>
public static class MeetingFields
{
    public static string For(DomainException exception, string prefix)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var field = exception.Code switch
        {
            "Meeting.InThePast" => "Date",
            "Meeting.EndsBeforeItStarts" => "EndTime",
            "Meeting.PlaceOrLinkRequired" or "Meeting.Place.TooLong" => "Place",
            "Meeting.Link.TooLong" => "OnlineLink",
            "Meeting.SupportPersonTooYoung" => "Born",
            "Consent.NotValid" or "Meeting.WrongConsent" => "Partner",
            _ => null,
        };
        return field is null || prefix.Length == 0 ? string.Empty : $"{prefix}.{field}";
    }
}
