using System.ComponentModel.DataAnnotations;
using Portal.Data;

namespace Portal.Pages.Forms;

/// <summary>A new password, typed twice: chosen from a family invitation, a staff invitation or a reset link.</summary>
public class NewPasswordInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(PortalUser.PasswordMaxLength, ErrorMessage = "Validation.TooLong")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.NewPassword")]
    public string Password { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [DataType(DataType.Password)]
    [Compare(nameof(Password), ErrorMessage = "Validation.PasswordsDiffer")]
    [Display(Name = "Field.ConfirmPassword")]
    public string ConfirmPassword { get; set; } = string.Empty;
}
