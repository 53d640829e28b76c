using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Portal.Email;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    /// <summary>SQLite cannot order by DateTimeOffset; UTC ticks keep "due first" a plain integer comparison on both providers.</summary>
    public static readonly DateTimeOffsetToBinaryConverter NextAttemptAtInDatabase = new();

    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.HasKey(message => message.Id);
        builder.Property(message => message.Id).ValueGeneratedNever();
        builder.Property(message => message.To).HasMaxLength(OutboxMessage.AddressMaxLength).IsRequired();
        builder.Property(message => message.Subject).HasMaxLength(OutboxMessage.SubjectMaxLength).IsRequired();
        builder.Property(message => message.CalendarMethod).HasMaxLength(OutboxMessage.CalendarMethodMaxLength);
        builder.Property(message => message.LastError).HasMaxLength(OutboxMessage.ErrorMaxLength);
        builder.Ignore(message => message.MessageIdHeader);
        builder.HasIndex(message => message.RegardingId);

        builder.Property(message => message.NextAttemptAt).HasConversion(NextAttemptAtInDatabase);
        builder.HasIndex(message => message.NextAttemptAt);
    }
}
