using Microsoft.AspNetCore.Identity;

namespace Portal.Data;

public static class Roles
{
    public const string Parent = "Parent";
    public const string Youth = "Youth";
    public const string Caseworker = "Caseworker";
    public const string Counsellor = "Counsellor";
    public const string Admin = "Admin";

    /// <summary>Someone from a school, daycare, PPR, Sundhedsplejen or De Åbne Rådgivninger, added to a child's case.</summary>
    public const string Professional = "Professional";

    public static IReadOnlyList<string> All { get; } = [Parent, Youth, Caseworker, Counsellor, Admin, Professional];

    public static async Task EnsureCreatedAsync(IServiceProvider services)
    {
        var roleManager = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                var result = await roleManager.CreateAsync(new IdentityRole(role));
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Could not create role {role}.");
                }
            }
        }
    }
}
