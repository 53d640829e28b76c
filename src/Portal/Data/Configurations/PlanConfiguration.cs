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
        builder.Ignore(plan => plan.ScoredEvaluations);

        // What the plan holds is stored with it, as JSON in the plan's row: the plan is read in one query, however many
        // items it has (as six tables they were six more queries on every page that shows a plan). Lengths are the
        // domain's rules; the history below stays a table of its own, which the database keeps append-only.
        builder.Ignore(plan => plan.Goals);
        builder.ComplexCollection<List<Goal>, Goal>("_goals", goal => goal.ToJson(nameof(Plan.Goals)));
        builder.Ignore(plan => plan.Interventions);
        builder.ComplexCollection<List<Intervention>, Intervention>("_interventions", intervention =>
        {
            intervention.ToJson(nameof(Plan.Interventions));
            intervention.Property(item => item.Handover).HasConversion<string>();
            intervention.Property(item => item.AuthorService).HasConversion<string>();
        });
        builder.Ignore(plan => plan.Evaluations);
        builder.ComplexCollection<List<Evaluation>, Evaluation>("_evaluations", evaluation =>
        {
            evaluation.ToJson(nameof(Plan.Evaluations));
            evaluation.Property(item => item.AuthorService).HasConversion<string>();
            evaluation.Ignore(item => item.Scores);
        });
        builder.Ignore(plan => plan.Transitions);
        builder.ComplexCollection<List<Transition>, Transition>("_transitions", transition =>
        {
            transition.ToJson(nameof(Plan.Transitions));
            transition.Property(item => item.Kind).HasConversion<string>();
        });
        builder.Ignore(plan => plan.FamilyEntries);
        builder.ComplexCollection<List<FamilyEntry>, FamilyEntry>("_familyEntries", entry =>
        {
            entry.ToJson(nameof(Plan.FamilyEntries));
            entry.Property(item => item.Kind).HasConversion<string>();
            entry.Property(item => item.AuthorRole).HasConversion<string>();
        });
        // The history is not loaded with the plan: a change made through the plan is added to it and inserted on save,
        // and the history page asks for it (Include).
        builder.HasMany(plan => plan.Changes).WithOne().HasForeignKey("PlanId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(plan => plan.Changes).UsePropertyAccessMode(PropertyAccessMode.Field);

    }
}

public sealed class PlanChangeConfiguration : IEntityTypeConfiguration<PlanChange>
{
    public void Configure(EntityTypeBuilder<PlanChange> builder)
    {
        // Append-only: the migration adds triggers that refuse UPDATE and DELETE on this table.
        builder.ToTable("PlanChanges");
        builder.HasKey(item => item.Id);
        builder.Property(item => item.Id).ValueGeneratedNever();
        builder.Property(item => item.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(item => item.Summary).HasMaxLength(PlanChange.SummaryMaxLength);
        builder.Property(item => item.ByUserId).HasMaxLength(450).IsRequired();
        builder.Property(item => item.ByName).HasMaxLength(PortalUser.DisplayNameMaxLength).IsRequired();
        builder.Property(item => item.ByRole).HasConversion<string>().HasMaxLength(20);
    }
}

public sealed class PlanReadConfiguration : IEntityTypeConfiguration<PlanRead>
{
    public void Configure(EntityTypeBuilder<PlanRead> builder)
    {
        // Append-only: the migration adds triggers that refuse UPDATE and DELETE on this table.
        builder.HasKey(item => item.Id);
        builder.Property(item => item.Id).ValueGeneratedNever();
        builder.HasOne<Child>().WithMany().HasForeignKey(item => item.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(item => new { item.ChildId, item.At });
        builder.Property(item => item.ReaderUserId).HasMaxLength(450).IsRequired();
        builder.Property(item => item.ReaderName).HasMaxLength(PortalUser.DisplayNameMaxLength).IsRequired();
        builder.Property(item => item.ReaderRole).HasConversion<string>().HasMaxLength(20);
        builder.Property(item => item.ReaderService).HasConversion<string>().HasMaxLength(20);
    }
}
