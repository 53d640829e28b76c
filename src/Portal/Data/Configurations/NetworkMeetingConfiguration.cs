using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Portal.Domain.Families;
using Portal.Domain.Meetings;

namespace Portal.Data.Configurations;

public sealed class NetworkMeetingConfiguration : IEntityTypeConfiguration<NetworkMeeting>
{
    public void Configure(EntityTypeBuilder<NetworkMeeting> builder)
    {
        builder.HasKey(meeting => meeting.Id);
        builder.Property(meeting => meeting.Id).ValueGeneratedNever();
        builder.HasOne<Child>().WithMany().HasForeignKey(meeting => meeting.ChildId).OnDelete(DeleteBehavior.Restrict);

        // SQLite cannot compare DateTimeOffset; UTC ticks make "upcoming first" a plain integer comparison.
        builder.Property(meeting => meeting.StartsAt).HasConversion(new DateTimeOffsetToBinaryConverter());
        builder.Property(meeting => meeting.EndsAt).HasConversion(new DateTimeOffsetToBinaryConverter());
        builder.HasIndex(meeting => new { meeting.ChildId, meeting.StartsAt });
        builder.Property(meeting => meeting.Place).HasMaxLength(NetworkMeeting.PlaceMaxLength);
        builder.Property(meeting => meeting.OnlineLink).HasMaxLength(NetworkMeeting.LinkMaxLength);
        builder.Property(meeting => meeting.Purpose).HasMaxLength(NetworkMeeting.PurposeMaxLength).IsRequired();
        builder.Property(meeting => meeting.ConcurrencyStamp).HasMaxLength(32).IsConcurrencyToken();
        builder.Ignore(meeting => meeting.IsCancelled);

        builder.OwnsMany(meeting => meeting.Participants, participant =>
        {
            participant.ToTable("NetworkParticipants");
            participant.WithOwner().HasForeignKey("MeetingId");
            participant.HasKey(item => item.Id);
            participant.Property(item => item.Id).ValueGeneratedNever();
            participant.Property(item => item.Kind).HasConversion<string>().HasMaxLength(40);
            participant.Property(item => item.Name).HasMaxLength(NetworkParticipant.NameMaxLength).IsRequired();
            participant.Property(item => item.Relation).HasMaxLength(NetworkParticipant.RelationMaxLength);
            participant.Property(item => item.Email).HasMaxLength(NetworkParticipant.ContactMaxLength);
            participant.Property(item => item.Phone).HasMaxLength(NetworkParticipant.ContactMaxLength);
            participant.Property(item => item.Why).HasMaxLength(NetworkParticipant.WhyMaxLength);
            participant.Property(item => item.Partner).HasConversion<string>().HasMaxLength(40);
            participant.Property(item => item.SuggestedByUserId).HasMaxLength(450).IsRequired();
            participant.Property(item => item.SuggestedByRole).HasConversion<string>().HasMaxLength(40);
            participant.Property(item => item.Decision).HasConversion<string>().HasMaxLength(40);
            participant.Property(item => item.Response).HasConversion<string>().HasMaxLength(40);
            participant.Ignore(item => item.IsInvited);
        });
        builder.Navigation(meeting => meeting.Participants).HasField("_participants").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
