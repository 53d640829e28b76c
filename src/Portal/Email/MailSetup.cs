namespace Portal.Email;

public static class MailSetup
{
    public static void AddPortalMail(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(MailOptions.Section);
        builder.Services.Configure<MailOptions>(section);

        var transport = section["Transport"] ?? "PickupFolder";
        if (string.Equals(transport, "Smtp", StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.AddSingleton<IMailTransport, SmtpMailTransport>();
        }
        else
        {
            builder.Services.AddSingleton<IMailTransport, PickupFolderMailTransport>();
        }

        builder.Services.AddSingleton<PortalLinks>();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxWakeUp>();
        builder.Services.AddSingleton<OutboxDispatcher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<OutboxDispatcher>());
    }
}
