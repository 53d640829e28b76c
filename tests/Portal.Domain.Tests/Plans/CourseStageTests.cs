using Portal.Domain.Plans;

namespace Portal.Domain.Tests.Plans;

public sealed class CourseStageTests
{
    [Theory]
    [InlineData(CourseStage.Concern, CourseStage.Analysis)]
    [InlineData(CourseStage.Analysis, CourseStage.ActionPlan)]
    [InlineData(CourseStage.ActionPlan, CourseStage.TryingIt)]
    [InlineData(CourseStage.TryingIt, CourseStage.Evaluation)]
    [InlineData(CourseStage.Evaluation, CourseStage.NewInterventionsOrExternalSupport)]
    [InlineData(CourseStage.NewInterventionsOrExternalSupport, CourseStage.ActionPlan)]
    public void The_circle_goes_round_and_after_new_help_comes_a_new_plan_not_a_new_concern(CourseStage stage, CourseStage next) =>
        Assert.Equal(next, stage.Next());

    [Fact]
    public void The_circle_has_six_stages_in_order_and_no_unknown_stage_has_a_next()
    {
        Assert.Equal(6, CourseStages.InOrder.Count);
        Assert.Equal(CourseStage.Concern, CourseStages.InOrder[0]);
        Assert.Equal(CourseStage.NewInterventionsOrExternalSupport, CourseStages.InOrder[5]);
        Assert.Throws<ArgumentOutOfRangeException>(() => ((CourseStage)6).Next());
    }
}
