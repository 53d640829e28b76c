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
    private readonly WriteGate writeGate;

    public PortalDbContext(DbContextOptions<PortalDbContext> options, WriteGate writeGate)
        : this((DbContextOptions)options, writeGate)
    {
    }

    protected PortalDbContext(DbContextOptions options, WriteGate writeGate)
        : base(options) => this.writeGate = writeGate;

    /// <summary>Shared by every instance, so a cookie, a form token or a sealed link made by one is read by the others.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Child> Children => Set<Child>();

    public DbSet<Plan> Plans => Set<Plan>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<Consent> Consents => Set<Consent>();

    public DbSet<Portal.Consents.ConsentReminder> ConsentReminders => Set<Portal.Consents.ConsentReminder>();

    public DbSet<CounsellingRequest> CounsellingRequests => Set<CounsellingRequest>();

    public DbSet<Portal.Counselling.CounsellingCounter> CounsellingCounters => Set<Portal.Counselling.CounsellingCounter>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<NetworkMeeting> NetworkMeetings => Set<NetworkMeeting>();

    public DbSet<Portal.Calendar.CalendarFeed> CalendarFeeds => Set<Portal.Calendar.CalendarFeed>();

    /// <summary>
    /// Starts a transaction for work that reads and then writes: every form's POST (<see cref="OneTransactionPerPost"/>)
    /// and the background rounds. On SQLite it is BEGIN IMMEDIATE, taken only after this process's earlier writers have
    /// finished, so "database is locked" never reaches a user; on PostgreSQL an ordinary transaction, nothing waits here.
    /// </summary>
    public async Task<WriteTransaction> BeginWriteAsync(CancellationToken cancellationToken)
    {
        var turn = await writeGate.WaitForTurnAsync(cancellationToken);
        try
        {
            var transaction = await Database.BeginTransactionAsync(cancellationToken);
            return new WriteTransaction(transaction, turn);
        }
        catch
        {
            turn.Dispose();
            throw;
        }
    }

    public sealed override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (Database.CurrentTransaction is not null)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        using var turn = writeGate.WaitForTurn();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public sealed override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Inside BeginWriteAsync the turn is already held; the gate is not re-entrant.
        if (Database.CurrentTransaction is not null)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        using var turn = await writeGate.WaitForTurnAsync(cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected sealed override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }
}
