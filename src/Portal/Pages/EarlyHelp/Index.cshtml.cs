using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Portal.Pages.EarlyHelp;

/// <summary>
/// "Bekymret for et barn eller en ung?": help before there is a case, for anyone, without logging in. Nothing is stored
/// about who reads it.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(IOptions<PortalOptions> options, IOptions<MunicipalityOptions> municipality) : PageModel
{
    public IReadOnlyList<ShownOffer> Offers { get; private set; } = [];

    public string MunicipalityPhone => municipality.Value.Phone;

    public void OnGet()
    {
        var culture = CultureInfo.CurrentUICulture;
        Offers = [.. options.Value.Offers.Select(offer => new ShownOffer(
            Offer.In(offer.Name, culture)!,
            Offer.In(offer.Description, culture)!,
            Offer.In(offer.HowToReach, culture),
            offer.Phone,
            offer.Email,
            offer.Url))];
    }

    public sealed record ShownOffer(string Name, string Description, string? HowToReach, string? Phone, string? Email, Uri? Url)
    {
        /// <summary>A phone number as a link a phone can call: digits and a leading plus only.</summary>
        public string? PhoneLink => Phone is null ? null : "tel:" + new string([.. Phone.Where(character => char.IsAsciiDigit(character) || character == '+')]);
    }
}
