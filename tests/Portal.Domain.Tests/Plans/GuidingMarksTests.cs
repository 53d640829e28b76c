using Portal.Domain.Plans;
using Portal.Domain.Professionals;

namespace Portal.Domain.Tests.Plans;

/// <summary>The four guiding marks on goals and interventions, the plan read by mark, and the marks the plan keeps for the overview.</summary>
public sealed class GuidingMarksTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 1);
    private static readonly Actor Caseworker = new("cw", "Lars Holm", ActorRole.Caseworker);
    private static readonly Actor Teacher = new("t", "Pia Holm", ActorRole.Professional, ProfessionalService.School);

    [Fact]
    public void A_goal_and_an_intervention_name_the_marks_they_serve_and_the_plan_reads_by_mark()
    {
        var plan = Plan.StartFor(Guid.NewGuid(), Caseworker, Now);
        var school = plan.AddGoal("Emma kommer i skole", Caseworker, Now, GuidingMarks.EarlyAction | GuidingMarks.Coherence);
        var plain = plan.AddGoal("Emma har en ven", Caseworker, Now);
        plan.AddIntervention("Samtaler", "PPR", Today, null, Caseworker, Now, GuidingMarks.SharedProfessionalism);
        plan.AddIntervention("Pause", "Mor", Today, null, Caseworker, Now);
        plan.AddIntervention("Lektiecafé", "Pia Holm", Today, null, Teacher, Now, GuidingMarks.Coherence);

        Assert.Equal(GuidingMarks.EarlyAction | GuidingMarks.Coherence, school.Marks);
        Assert.Equal(GuidingMarks.None, plain.Marks);
        Assert.Equal("Emma kommer i skole / Lektiecafé", Texts(plan.ServingMark(GuidingMarks.Coherence)));
        Assert.Equal("Emma kommer i skole / ", Texts(plan.ServingMark(GuidingMarks.EarlyAction)));
        Assert.Equal(" / Samtaler", Texts(plan.ServingMark(GuidingMarks.SharedProfessionalism)));
        Assert.Equal(" / ", Texts(plan.ServingMark(GuidingMarks.Parenthood)));
        Assert.Equal(" / ", Texts(plan.ServingMark(GuidingMarks.None)));
    }

    [Fact]
    public void The_plan_keeps_the_marks_its_active_interventions_serve_so_an_ended_one_no_longer_counts()
    {
        var plan = Plan.StartFor(Guid.NewGuid(), Caseworker, Now);
        Assert.Equal(GuidingMarks.None, plan.ActiveInterventionMarks);
        var talks = plan.AddIntervention("Samtaler", "PPR", Today, null, Caseworker, Now, GuidingMarks.SharedProfessionalism | GuidingMarks.EarlyAction);
        plan.AddIntervention("Forældrekursus", "Familiehuset", Today, null, Caseworker, Now, GuidingMarks.Parenthood);
        plan.AddGoal("Et mål", Caseworker, Now, GuidingMarks.Coherence);

        Assert.Equal(GuidingMarks.SharedProfessionalism | GuidingMarks.EarlyAction | GuidingMarks.Parenthood, plan.ActiveInterventionMarks);

        plan.EndIntervention(talks.Id, Today, Handover.FamilyNetwork, "Mormor", Caseworker, Now);

        Assert.Equal(GuidingMarks.Parenthood, plan.ActiveInterventionMarks);
        Assert.Equal(" / ", Texts(plan.ServingMark(GuidingMarks.EarlyAction)));
    }

    [Fact]
    public void A_mark_the_policy_does_not_have_is_refused_and_nothing_is_added()
    {
        var plan = Plan.StartFor(Guid.NewGuid(), Caseworker, Now);
        var changes = plan.Changes.Count;

        Assert.Equal("Plan.UnknownGuidingMark", Assert.Throws<DomainException>(() => plan.AddGoal("Mål", Caseworker, Now, (GuidingMarks)16)).Code);
        Assert.Equal("Plan.UnknownGuidingMark", Assert.Throws<DomainException>(() => plan.AddIntervention("Noget", "PPR", Today, null, Caseworker, Now, GuidingMarks.Parenthood | (GuidingMarks)32)).Code);

        Assert.Empty(plan.Goals);
        Assert.Empty(plan.Interventions);
        Assert.Equal(GuidingMarks.None, plan.ActiveInterventionMarks);
        Assert.Equal(changes, plan.Changes.Count);
    }

    [Fact]
    public void Check_boxes_combine_into_one_value_and_split_back_in_the_policy_s_order()
    {
        var combined = new[] { GuidingMarks.Parenthood, GuidingMarks.EarlyAction, GuidingMarks.Parenthood }.Combined();

        Assert.Equal(GuidingMarks.EarlyAction | GuidingMarks.Parenthood, combined);
        Assert.Equal([GuidingMarks.EarlyAction, GuidingMarks.Parenthood], combined.Split());
        Assert.Equal(GuidingMarks.None, Array.Empty<GuidingMarks>().Combined());
        Assert.Empty(GuidingMarks.None.Split());
        Assert.Equal(4, GuidingMarksRules.Each.Count);
        Assert.Equal(GuidingMarks.SharedProfessionalism, GuidingMarks.SharedProfessionalism.Checked());
    }

    private static string Texts((IReadOnlyList<Goal> Goals, IReadOnlyList<Intervention> Interventions) serving) =>
        string.Join("|", serving.Goals.Select(goal => goal.Text)) + " / " + string.Join("|", serving.Interventions.Select(item => item.What));
}
