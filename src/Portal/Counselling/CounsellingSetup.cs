namespace Portal.Counselling;

public static class CounsellingSetup
{
    public static void AddPortalCounselling(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<CounsellingOptions>(builder.Configuration.GetSection(CounsellingOptions.Section));
        builder.Services.AddScoped<CounsellingLine>();
        builder.Services.AddSingleton<TicketCookie>();
        builder.Services.AddScoped<CounsellingEmails>();
        builder.Services.AddSingleton<CounsellingArrivals>();
        builder.Services.AddHostedService(services => services.GetRequiredService<CounsellingArrivals>());
        builder.Services.AddSingleton<CounsellingHousekeeping>();
        builder.Services.AddHostedService(services => services.GetRequiredService<CounsellingHousekeeping>());
    }
}
