using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Portal.Domain.Consents;
using Portal.Domain.Families;

namespace Portal.Data.Configurations;

public sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> builder)
    {
        builder.HasKey(consent => consent.Id);
        builder.Property(consent => consent.Id).ValueGeneratedNever();
        builder.HasOne<Child>().WithMany().HasForeignKey(consent => consent.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(consent => consent.Partner).HasConversion<string>().HasMaxLength(40);
        builder.Property(consent => consent.Purpose).HasConversion<string>().HasMaxLength(40);

        // One consent per child, partner and purpose: two first taps at once cannot make two.
        builder.HasIndex(consent => new { consent.ChildId, consent.Partner, consent.Purpose }).IsUnique();

        // An entity of its own, not owned, so that a tap loads only each person's latest decision (ConsentQueries).
        builder.HasMany(consent => consent.Decisions).WithOne().HasForeignKey("ConsentId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.OwnsMany(consent => consent.Shares, share =>
        {
            share.ToTable("ConsentShares");
            share.WithOwner().HasForeignKey("ConsentId");
            share.HasKey(item => item.Id);
            share.Property(item => item.Id).ValueGeneratedNever();
            share.Property(item => item.What).HasMaxLength(InformationShare.WhatMaxLength).IsRequired();
            share.Property(item => item.ByUserId).HasMaxLength(450).IsRequired();
            share.Property(item => item.ByName).HasMaxLength(ConsentDecision.NameMaxLength).IsRequired();
        });
        builder.Navigation(consent => consent.Decisions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(consent => consent.Shares).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class ConsentDecisionConfiguration : IEntityTypeConfiguration<ConsentDecision>
{
    public void Configure(EntityTypeBuilder<ConsentDecision> builder)
    {
        // Append-only: the migration adds triggers that refuse UPDATE and DELETE on this table.
        builder.ToTable("ConsentDecisions");
        builder.HasKey(item => item.Id);
        builder.Property(item => item.Id).ValueGeneratedNever();
        builder.HasIndex("ConsentId", nameof(ConsentDecision.Sequence)).IsUnique();

        // Each person's latest decision is found in this index alone (ConsentQueries.WithLatestDecisions).
        builder.HasIndex("ConsentId", nameof(ConsentDecision.PartyId), nameof(ConsentDecision.Sequence));
        builder.Property(item => item.PartyId).HasMaxLength(450).IsRequired();
        builder.Property(item => item.PartyName).HasMaxLength(ConsentDecision.NameMaxLength).IsRequired();
        builder.Property(item => item.PartyRole).HasConversion<string>().HasMaxLength(20);
        builder.Property(item => item.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(item => item.Method).HasConversion<string>().HasMaxLength(20);
        builder.Property(item => item.RecordedByUserId).HasMaxLength(450);
        builder.Property(item => item.RecordedByName).HasMaxLength(ConsentDecision.NameMaxLength);
        builder.Property(item => item.WordingVersion).HasMaxLength(ConsentWording.VersionMaxLength).IsRequired();
        builder.Property(item => item.WordingText).HasMaxLength(ConsentWording.TextMaxLength).IsRequired();

        // SQLite cannot compare DateTimeOffset; as ticks, the reminder round asks the database for the yeses that run
        // out soon (an indexed range) instead of reading every consent.
        builder.Property(item => item.ExpiresAt).HasConversion(new DateTimeOffsetToBinaryConverter());
        builder.HasIndex(item => item.ExpiresAt);
    }
}

public sealed class ConsentReminderConfiguration : IEntityTypeConfiguration<Portal.Consents.ConsentReminder>
{
    public void Configure(EntityTypeBuilder<Portal.Consents.ConsentReminder> builder) => builder.HasKey(reminder => reminder.DecisionId);
}
