using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Families;
using Portal.Domain.Professionals;

namespace Portal.Data.Configurations;

public sealed class ChildConfiguration : IEntityTypeConfiguration<Child>
{
    public void Configure(EntityTypeBuilder<Child> builder)
    {
        builder.HasKey(child => child.Id);
        builder.Property(child => child.Id).ValueGeneratedNever();
        builder.Property(child => child.Name).HasMaxLength(Child.NameMaxLength).IsRequired();
        builder.Property(child => child.ConcurrencyStamp).HasMaxLength(32).IsConcurrencyToken();
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(child => child.YouthUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(child => child.YouthUserId).IsUnique();

        builder.HasMany(child => child.CustodyHolders).WithOne().HasForeignKey(holder => holder.ChildId);
        builder.Navigation(child => child.CustodyHolders).HasField("_custodyHolders");

        builder.HasMany(child => child.Caseworkers).WithOne().HasForeignKey(assignment => assignment.ChildId);
        builder.Navigation(child => child.Caseworkers).HasField("_caseworkers");

        builder.HasMany(child => child.Professionals).WithOne().HasForeignKey(assignment => assignment.ChildId);
        builder.Navigation(child => child.Professionals).HasField("_professionals");
    }
}

public sealed class CaseworkerAssignmentConfiguration : IEntityTypeConfiguration<CaseworkerAssignment>
{
    public void Configure(EntityTypeBuilder<CaseworkerAssignment> builder)
    {
        builder.HasKey(assignment => new { assignment.ChildId, assignment.UserId });
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(assignment => assignment.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(assignment => assignment.UserId);
    }
}

public sealed class CustodyHolderConfiguration : IEntityTypeConfiguration<CustodyHolder>
{
    public void Configure(EntityTypeBuilder<CustodyHolder> builder)
    {
        builder.HasKey(holder => new { holder.ChildId, holder.UserId });
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(holder => holder.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(holder => holder.UserId);
    }
}

public sealed class ProfessionalAssignmentConfiguration : IEntityTypeConfiguration<ProfessionalAssignment>
{
    public void Configure(EntityTypeBuilder<ProfessionalAssignment> builder)
    {
        builder.HasKey(assignment => new { assignment.ChildId, assignment.UserId });
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(assignment => assignment.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(assignment => assignment.UserId);
        builder.Property(assignment => assignment.Service).HasConversion<string>().HasMaxLength(20);
        builder.Property(assignment => assignment.LegalBasis).HasMaxLength(ProfessionalAssignment.LegalBasisMaxLength);
    }
}
