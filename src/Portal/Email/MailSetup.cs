namespace Portal.Email;

public static class MailSetup
{
    public static void AddPortalMail(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(MailOptions.Section);
        builder.Services.AddOptions<MailOptions>()
            .Bind(section)
            .Validate(options => Domain.EmailAddress.TryParse(options.FromAddress, out _), "Mail:FromAddress must be an e-mail address mail can be sent from.")
            .Validate(
                options => !string.Equals(options.Transport, "Smtp", StringComparison.OrdinalIgnoreCase) || !string.IsNullOrWhiteSpace(options.Smtp.Host),
                "Mail:Smtp:Host must name the mail server when Mail:Transport is Smtp.")
            .Validate(
                options => options.Transport is not null && (options.Transport.Equals("Smtp", StringComparison.OrdinalIgnoreCase) || options.Transport.Equals("PickupFolder", StringComparison.OrdinalIgnoreCase)),
                "Mail:Transport must be Smtp or PickupFolder.")
            .Validate(options => options.ParallelSends is > 0 and <= 32, "Mail:ParallelSends must be between 1 and 32.")
            .Validate(options => options.Lease > options.Smtp.Timeout * 3, "Mail:Lease must be well above Mail:Smtp:Timeout (a send must end before another instance may take the message).")
            .ValidateOnStart();

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
        builder.Services.AddSingleton<OwedMailOnSave>();
        builder.Services.AddSingleton<OutboxDispatcher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<OutboxDispatcher>());
    }
}
