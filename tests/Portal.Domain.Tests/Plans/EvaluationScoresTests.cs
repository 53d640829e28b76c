using Portal.Domain.Plans;

namespace Portal.Domain.Tests.Plans;

/// <summary>"Hvordan går det?" from 1 to 10 on each evaluation: the parents', the child's own and the professionals' answers.</summary>
public sealed class EvaluationScoresTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 1);
    private static readonly Actor Caseworker = new("cw", "Lars Holm", ActorRole.Caseworker);

    [Fact]
    public void Each_answer_is_kept_apart_and_the_plan_shows_the_scored_evaluations_oldest_first()
    {
        var plan = Plan.StartFor(Guid.NewGuid(), Caseworker, Now);
        var later = plan.AddEvaluation(Today, "Bedre", "Videre", Today, Caseworker, Now, new EvaluationScores(7, 8, 6));
        plan.AddEvaluation(Today.AddDays(-20), "Uden tal", "Videre", Today, Caseworker, Now);
        var earlier = plan.AddEvaluation(Today.AddDays(-40), "Svært", "Mere hjælp", Today, Caseworker, Now, new EvaluationScores(3, null, 4));

        Assert.Equal((7, 8, 6), (later.FamilyScore, later.ChildScore, later.ProfessionalScore));
        Assert.Equal(new EvaluationScores(3, null, 4), earlier.Scores);
        Assert.Equal([earlier, later], plan.ScoredEvaluations);
        Assert.Equal(3, plan.Evaluations.Count);
    }

    [Theory]
    [InlineData(0, null, null)]
    [InlineData(null, 11, null)]
    [InlineData(null, null, -3)]
    public void A_score_outside_1_to_10_is_refused_and_nothing_is_added(int? family, int? child, int? professionals)
    {
        var plan = Plan.StartFor(Guid.NewGuid(), Caseworker, Now);

        var refused = Assert.Throws<DomainException>(() => plan.AddEvaluation(Today, "a", "b", Today, Caseworker, Now, new EvaluationScores(family, child, professionals)));

        Assert.Equal("Evaluation.ScoreOutOfRange", refused.Code);
        Assert.Empty(plan.Evaluations);
    }

    [Theory]
    [InlineData(1, 10, null)]
    [InlineData(null, null, null)]
    public void The_ends_of_the_scale_and_no_answer_at_all_are_accepted(int? family, int? child, int? professionals)
    {
        var scores = new EvaluationScores(family, child, professionals);

        Assert.Same(scores, scores.Checked());
        Assert.Equal(family is not null, scores.Any);
        Assert.False(EvaluationScores.None.Any);
        Assert.True(new EvaluationScores(null, null, 5).Any);
        Assert.True(new EvaluationScores(null, 5, null).Any);
    }
}
