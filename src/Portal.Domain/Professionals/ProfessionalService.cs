using Portal.Domain.Consents;

namespace Portal.Domain.Professionals;

/// <summary>The services whose professionals work with a child beside the caseworker.</summary>
public enum ProfessionalService
{
    School,
    Daycare,
    Ppr,
    HealthVisitors,
    OpenCounselling,
}

public static class ProfessionalServices
{
    /// <summary>
    /// The partner service whose consent to exchange information decides a professional's access, or null for a service
    /// (school, daycare, PPR) where the caseworker records the legal basis instead.
    /// </summary>
    public static PartnerService? ConsentPartner(this ProfessionalService service) => service switch
    {
        ProfessionalService.HealthVisitors => PartnerService.HealthVisitors,
        ProfessionalService.OpenCounselling => PartnerService.OpenCounselling,
        _ => null,
    };
}
