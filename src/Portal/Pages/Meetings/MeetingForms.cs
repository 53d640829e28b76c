using System.ComponentModel.DataAnnotations;
using Portal.Domain.Consents;
using Portal.Domain.Meetings;
using Portal.Pages.Forms;

namespace Portal.Pages.Meetings;

/// <summary>When and where, as the caseworker types it: a Danish date and wall-clock times.</summary>
public class MeetingTimeInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.NetworkMeetingDate")]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.StartTime")]
    public TimeOnly? StartTime { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.EndTime")]
    public TimeOnly? EndTime { get; set; }

    [StringLength(NetworkMeeting.PlaceMaxLength, ErrorMessage = "Validation.TooLong")]
    [PlainText]
    [Display(Name = "Field.MeetingPlace")]
    public string? Place { get; set; }

    [StringLength(NetworkMeeting.LinkMaxLength, ErrorMessage = "Validation.TooLong")]
    [Url(ErrorMessage = "Validation.Url")]
    [Display(Name = "Field.OnlineLink")]
    public string? OnlineLink { get; set; }
}

public sealed class ScheduleInput : MeetingTimeInput
{
    /// <summary>The new meeting's id, made when the form is shown: sending the form twice schedules one meeting.</summary>
    public Guid MeetingId { get; set; } = Guid.NewGuid();

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(NetworkMeeting.PurposeMaxLength, ErrorMessage = "Validation.TooLong")]
    [PlainText]
    [Display(Name = "Field.MeetingPurpose")]
    public string? Purpose { get; set; }
}

/// <summary>A person from the child's own network: a name, and an email or phone if the family has one.</summary>
public class PersonInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(NetworkParticipant.NameMaxLength, ErrorMessage = "Validation.TooLong")]
    [PlainText]
    [Display(Name = "Field.PersonName")]
    public string? Name { get; set; }

    [StringLength(NetworkParticipant.ContactMaxLength, ErrorMessage = "Validation.TooLong")]
    [PortalEmail]
    [Display(Name = "Field.Email")]
    public string? Email { get; set; }

    [StringLength(NetworkParticipant.ContactMaxLength, ErrorMessage = "Validation.TooLong")]
    [Phone(ErrorMessage = "Validation.Phone")]
    [Display(Name = "Field.Phone")]
    public string? Phone { get; set; }
}

/// <summary>Someone from the child's own network.</summary>
public sealed class SuggestionInput : PersonInput
{
    [StringLength(NetworkParticipant.RelationMaxLength, ErrorMessage = "Validation.TooLong")]
    [PlainText]
    [Display(Name = "Field.Relation")]
    public string? Relation { get; set; }

    [StringLength(NetworkParticipant.WhyMaxLength, ErrorMessage = "Validation.TooLong")]
    [PlainText]
    [Display(Name = "Field.Why")]
    public string? Why { get; set; }
}

/// <summary>The young person's support person (bisidder).</summary>
public sealed class SupportPersonInput : PersonInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.SupportPersonBorn")]
    public DateOnly? Born { get; set; }
}

public sealed class ProfessionalInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(NetworkParticipant.NameMaxLength, ErrorMessage = "Validation.TooLong")]
    [PlainText]
    [Display(Name = "Field.PersonName")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(NetworkParticipant.RelationMaxLength, ErrorMessage = "Validation.TooLong")]
    [PlainText]
    [Display(Name = "Field.ProfessionalRole")]
    public string? Role { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(NetworkParticipant.ContactMaxLength, ErrorMessage = "Validation.TooLong")]
    [PortalEmail]
    [Display(Name = "Field.Email")]
    public string? Email { get; set; }
}

public sealed class PartnerInput
{
    [Required(ErrorMessage = "Validation.Choose")]
    [EnumDataType(typeof(PartnerService), ErrorMessage = "Validation.Choose")]
    [Display(Name = "Field.Partner")]
    public PartnerService? Partner { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(NetworkParticipant.NameMaxLength, ErrorMessage = "Validation.TooLong")]
    [PlainText]
    [Display(Name = "Field.PartnerContact")]
    public string? ContactName { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(NetworkParticipant.ContactMaxLength, ErrorMessage = "Validation.TooLong")]
    [PortalEmail]
    [Display(Name = "Field.Email")]
    public string? Email { get; set; }
}
