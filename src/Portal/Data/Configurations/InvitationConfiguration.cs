using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Families;

namespace Portal.Data.Configurations;

public sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.HasKey(invitation => invitation.Id);
        builder.Property(invitation => invitation.Id).ValueGeneratedNever();
        builder.HasOne<Child>().WithMany().HasForeignKey(invitation => invitation.ChildId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(invitation => invitation.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(invitation => invitation.Name).HasMaxLength(Invitation.NameMaxLength).IsRequired();
        builder.Property(invitation => invitation.Email).HasMaxLength(Invitation.EmailMaxLength).IsRequired();
        builder.Property(invitation => invitation.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(invitation => invitation.ChildId);
    }
}
