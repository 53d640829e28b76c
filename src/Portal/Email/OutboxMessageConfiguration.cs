using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Email;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.HasKey(message => message.Id);
        builder.Property(message => message.Id).ValueGeneratedNever();
        builder.Property(message => message.To).HasMaxLength(OutboxMessage.AddressMaxLength).IsRequired();
        builder.Property(message => message.Subject).HasMaxLength(OutboxMessage.SubjectMaxLength).IsRequired();
        builder.Property(message => message.CalendarMethod).HasMaxLength(OutboxMessage.CalendarMethodMaxLength);
        builder.Property(message => message.LastError).HasMaxLength(OutboxMessage.ErrorMaxLength);
        builder.Ignore(message => message.MessageIdHeader);
        builder.Ignore(message => message.State);
        builder.HasIndex(message => message.RegardingId);

        // SQLite cannot order by DateTimeOffset; UTC ticks keep "due first" a plain integer comparison.
        builder.Property(message => message.NextAttemptAt).HasConversion(new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter());
        builder.HasIndex(message => message.NextAttemptAt);
    }
}
