using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Portal.Counselling;
using Portal.Domain.Counselling;

namespace Portal.Data.Configurations;

public sealed class CounsellingRequestConfiguration : IEntityTypeConfiguration<CounsellingRequest>
{
    public void Configure(EntityTypeBuilder<CounsellingRequest> builder)
    {
        builder.HasKey(request => request.Id);
        builder.Property(request => request.Id).ValueGeneratedNever();

        // The database itself refuses a repeated number or ticket.
        builder.HasIndex(request => request.QueueNumber).IsUnique();
        builder.HasIndex(request => request.TicketHash).IsUnique();
        builder.HasIndex(request => new { request.State, request.LinePosition });
        builder.Property(request => request.TicketHash).HasMaxLength(CounsellingRequest.TicketHashLength).IsFixedLength().IsRequired();
        builder.Property(request => request.Asker).HasConversion<string>().HasMaxLength(20);
        builder.Property(request => request.Topic).HasConversion<string>().HasMaxLength(30);
        builder.Property(request => request.Form).HasConversion<string>().HasMaxLength(20);
        builder.Property(request => request.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(request => request.Outcome).HasConversion<string>().HasMaxLength(30);
        builder.Property(request => request.Message).HasMaxLength(CounsellingRequest.MessageMaxLength);
        builder.Property(request => request.NoticeEmail).HasMaxLength(CounsellingRequest.EmailMaxLength);
        builder.Property(request => request.OfferPlace).HasMaxLength(CounsellingRequest.PlaceMaxLength);
        builder.Property(request => request.CounsellorFirstName).HasMaxLength(CounsellingRequest.FirstNameMaxLength);
        builder.Property(request => request.ConcurrencyStamp).HasMaxLength(32).IsConcurrencyToken();
        builder.Ignore(request => request.IsOpen);

        // Stored as UTC ticks so SQLite can compare them (deadlines, retention, statistics).
        var instant = new DateTimeOffsetToBinaryConverter();
        builder.Property(request => request.AskedAt).HasConversion(instant);
        builder.Property(request => request.OfferedAt).HasConversion(instant);
        builder.Property(request => request.AnswerBy).HasConversion(instant);
        builder.Property(request => request.ClosedAt).HasConversion(instant);
    }
}

public sealed class CounsellingCounterConfiguration : IEntityTypeConfiguration<CounsellingCounter>
{
    public void Configure(EntityTypeBuilder<CounsellingCounter> builder)
    {
        builder.HasKey(counter => counter.Id);
        builder.Property(counter => counter.Id).ValueGeneratedNever();
    }
}

public sealed class OfferMadeConfiguration : IEntityTypeConfiguration<OfferMade>
{
    public void Configure(EntityTypeBuilder<OfferMade> builder)
    {
        builder.ToTable("CounsellingOffersMade");
        builder.HasKey(offer => offer.Id);
        builder.HasIndex(offer => offer.At);

        // UTC ticks, like the requests' times, so SQLite can compare them.
        builder.Property(offer => offer.At).HasConversion(new DateTimeOffsetToBinaryConverter());
    }
}
