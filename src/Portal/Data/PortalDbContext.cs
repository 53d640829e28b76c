using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Consents;
using Portal.Domain.Counselling;
using Portal.Domain.Families;
using Portal.Domain.Meetings;
using Portal.Domain.Plans;
using Portal.Email;

namespace Portal.Data;

/// <summary>The portal's data. On SQLite this type itself is used; on PostgreSQL <see cref="PostgresPortalDbContext"/>.</summary>
public class PortalDbContext : IdentityDbContext<PortalUser>, IDataProtectionKeyContext
{
    public PortalDbContext(DbContextOptions<PortalDbContext> options)
        : this((DbContextOptions)options)
    {
    }

    protected PortalDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>Shared by every instance, so a cookie, a form token or a sealed link made by one is read by the others.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Child> Children => Set<Child>();

    public DbSet<Plan> Plans => Set<Plan>();

    public DbSet<PlanRead> PlanReads => Set<PlanRead>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<Consent> Consents => Set<Consent>();

    public DbSet<Portal.Consents.ConsentReminder> ConsentReminders => Set<Portal.Consents.ConsentReminder>();

    public DbSet<CounsellingRequest> CounsellingRequests => Set<CounsellingRequest>();

    public DbSet<OfferMade> OffersMade => Set<OfferMade>();

    public DbSet<Portal.Counselling.CounsellingCounter> CounsellingCounters => Set<Portal.Counselling.CounsellingCounter>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<NetworkMeeting> NetworkMeetings => Set<NetworkMeeting>();

    public DbSet<Portal.Calendar.CalendarFeed> CalendarFeeds => Set<Portal.Calendar.CalendarFeed>();

    protected sealed override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }
}
