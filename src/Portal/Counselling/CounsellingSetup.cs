namespace Portal.Counselling;

public static class CounsellingSetup
{
    public static void AddPortalCounselling(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CounsellingOptions>()
            .Bind(builder.Configuration.GetSection(CounsellingOptions.Section))
            .Validate(options => options.Retention > TimeSpan.Zero, "Counselling:Retention must be positive.")
            .Validate(options => options.TicketCookieLifetime > TimeSpan.Zero && options.TicketCookieLifetime <= TimeSpan.FromDays(30), "Counselling:TicketCookieLifetime must be between a moment and 30 days.")
            .ValidateOnStart();
        builder.Services.AddScoped<CounsellingLine>();
        builder.Services.AddSingleton<TicketCookie>();
        builder.Services.AddSingleton<CounsellingEmails>();
        builder.Services.AddSingleton<CounsellingArrivals>();
        builder.Services.AddHostedService(services => services.GetRequiredService<CounsellingArrivals>());
        builder.Services.AddSingleton<CounsellingHousekeeping>();
        builder.Services.AddHostedService(services => services.GetRequiredService<CounsellingHousekeeping>());
    }
}
