using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Families;
using Portal.Domain.Plans;

namespace Portal.Data.Configurations;

public sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> builder)
    {
        // Ids are made by the domain; EF must treat a new item found in a collection as new, not as changed.
        builder.HasKey(plan => plan.Id);
        builder.Property(plan => plan.Id).ValueGeneratedNever();
        builder.HasOne<Child>().WithOne().HasForeignKey<Plan>(plan => plan.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(plan => plan.ChildId).IsUnique();
        builder.Property(plan => plan.WhatMatters).HasMaxLength(Plan.WhatMattersMaxLength);
        builder.Property(plan => plan.NextMeetingPlace).HasMaxLength(Plan.PlaceMaxLength);
        builder.Property(plan => plan.Stage).HasConversion<string>().HasMaxLength(40);
        builder.Property(plan => plan.ConcurrencyStamp).HasMaxLength(32).IsConcurrencyToken();
        builder.Ignore(plan => plan.LatestEvaluation);

        builder.OwnsMany(plan => plan.Goals, goal =>
        {
            goal.ToTable("PlanGoals");
            goal.WithOwner().HasForeignKey("PlanId");
            goal.HasKey(item => item.Id);
            goal.Property(item => item.Id).ValueGeneratedNever();
            goal.Property(item => item.Text).HasMaxLength(Goal.TextMaxLength).IsRequired();
        });
        builder.OwnsMany(plan => plan.Interventions, intervention =>
        {
            intervention.ToTable("PlanInterventions");
            intervention.WithOwner().HasForeignKey("PlanId");
            intervention.HasKey(item => item.Id);
            intervention.Property(item => item.Id).ValueGeneratedNever();
            intervention.Property(item => item.What).HasMaxLength(Intervention.WhatMaxLength).IsRequired();
            intervention.Property(item => item.Who).HasMaxLength(Intervention.WhoMaxLength).IsRequired();
            intervention.Property(item => item.TakenOverBy).HasMaxLength(Intervention.TakenOverByMaxLength);
            intervention.Property(item => item.Handover).HasConversion<string>().HasMaxLength(40);
            intervention.Ignore(item => item.IsActive);
        });
        builder.OwnsMany(plan => plan.Evaluations, evaluation =>
        {
            evaluation.ToTable("PlanEvaluations");
            evaluation.WithOwner().HasForeignKey("PlanId");
            evaluation.HasKey(item => item.Id);
            evaluation.Property(item => item.Id).ValueGeneratedNever();
            evaluation.Property(item => item.WhatHappened).HasMaxLength(Evaluation.TextMaxLength).IsRequired();
            evaluation.Property(item => item.WhatNext).HasMaxLength(Evaluation.TextMaxLength).IsRequired();
        });
        builder.OwnsMany(plan => plan.Transitions, transition =>
        {
            transition.ToTable("PlanTransitions");
            transition.WithOwner().HasForeignKey("PlanId");
            transition.HasKey(item => item.Id);
            transition.Property(item => item.Id).ValueGeneratedNever();
            transition.Property(item => item.Kind).HasConversion<string>().HasMaxLength(40);
            transition.Property(item => item.Description).HasMaxLength(Transition.TextMaxLength);
            transition.Property(item => item.WhoIsThere).HasMaxLength(Transition.TextMaxLength).IsRequired();
        });
        builder.OwnsMany(plan => plan.FamilyEntries, entry =>
        {
            entry.ToTable("PlanFamilyEntries");
            entry.WithOwner().HasForeignKey("PlanId");
            entry.HasKey(item => item.Id);
            entry.Property(item => item.Id).ValueGeneratedNever();
            entry.Property(item => item.Kind).HasConversion<string>().HasMaxLength(40);
            entry.Property(item => item.Text).HasMaxLength(FamilyEntry.TextMaxLength).IsRequired();
            entry.Property(item => item.AuthorUserId).HasMaxLength(450).IsRequired();
            entry.Property(item => item.AuthorName).HasMaxLength(PortalUser.DisplayNameMaxLength).IsRequired();
            entry.Property(item => item.AuthorRole).HasConversion<string>().HasMaxLength(20);
        });
        builder.OwnsMany(plan => plan.Changes, change =>
        {
            // Append-only: the migration adds triggers that refuse UPDATE and DELETE on this table.
            change.ToTable("PlanChanges");
            change.WithOwner().HasForeignKey("PlanId");
            change.HasKey(item => item.Id);
            change.Property(item => item.Id).ValueGeneratedNever();
            change.Property(item => item.Kind).HasConversion<string>().HasMaxLength(40);
            change.Property(item => item.Summary).HasMaxLength(PlanChange.SummaryMaxLength);
            change.Property(item => item.ByUserId).HasMaxLength(450).IsRequired();
            change.Property(item => item.ByName).HasMaxLength(PortalUser.DisplayNameMaxLength).IsRequired();
            change.Property(item => item.ByRole).HasConversion<string>().HasMaxLength(20);
        });

        foreach (var collection in new[] { nameof(Plan.Goals), nameof(Plan.Interventions), nameof(Plan.Evaluations), nameof(Plan.Transitions), nameof(Plan.FamilyEntries), nameof(Plan.Changes) })
        {
            builder.Navigation(collection).UsePropertyAccessMode(PropertyAccessMode.Field);
        }
    }
}
