using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Data.Configurations;

public sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> builder)
    {
        builder.Property(user => user.DisplayName).HasMaxLength(PortalUser.DisplayNameMaxLength).IsRequired();
        builder.Property(user => user.Language).HasMaxLength(PortalUser.LanguageMaxLength);
        builder.Property(user => user.Service).HasConversion<string>().HasMaxLength(20);
    }
}
