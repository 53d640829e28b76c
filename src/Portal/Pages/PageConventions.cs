using Portal.Identity;

namespace Portal.Pages;

public static class PageConventions
{
    /// <summary>Who may open which folder. Everything else needs a signed-in user (the fallback policy) unless a page says [AllowAnonymous].</summary>
    public static IMvcBuilder AddPortalPages(this IServiceCollection services)
    {
        services.AddSingleton<Security.FormRateLimits>();
        services.AddScoped<Staff.Cases.FamilyInvitations>();
        services.AddScoped<Staff.Admin.StaffAccounts>();
        services.AddScoped<Portal.Consents.ConsentBook>();
        services.AddSingleton<Portal.Consents.ConsentWordings>();
        services.AddSingleton<Portal.Consents.ConsentEmails>();
        services.AddSingleton<Portal.Consents.ConsentReminderService>();
        services.AddHostedService(provider => provider.GetRequiredService<Portal.Consents.ConsentReminderService>());
        services.AddSingleton<Portal.Meetings.AnswerLinks>();
        services.AddSingleton<Portal.Meetings.MeetingEmails>();
        services.AddScoped<Portal.Meetings.MeetingConsentSweep>();

        // Asked in this order before every save: a withdrawn consent takes a partner off meetings, whose mail comes next.
        // Singletons, as the pooled database contexts' interceptor that asks them is one.
        services.AddSingleton<Email.IOwedMail, Portal.Consents.ConsentMail>();
        services.AddSingleton<Email.IOwedMail, Portal.Meetings.MeetingMail>();
        services.AddSingleton<Email.IOwedMail, Portal.Counselling.CounsellingMail>();
        return services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/Plans", Policies.Family);
            options.Conventions.AuthorizeFolder("/MyData", Policies.Family);
            options.Conventions.AuthorizeFolder("/Consents", Policies.Family);
            options.Conventions.AuthorizeFolder("/Meetings", Policies.Family);
            options.Conventions.AuthorizeFolder("/Staff/Cases", Policies.Caseworker);
            options.Conventions.AuthorizeFolder("/Staff/Admin", Policies.Admin);
            options.Conventions.AuthorizeFolder("/Staff/Counselling", Policies.Counsellor);
            options.Conventions.AuthorizeFolder("/Professionals", Policies.Professional);
        })
        .AddMvcOptions(options =>
        {
            // On every page, the Identity area's too (page conventions would leave its pages out).
            options.Filters.Add(new Forms.UnreadableCheckboxValues());
            options.Filters.AddService<Security.FormRateLimits>();
            options.Filters.Add(new Data.OneTransactionPerPost());

            // Inside the transaction: a refused change is shown on its page, and the transaction then rolls back.
            options.Filters.Add(new Forms.RefusedChanges());
        });
    }
}
