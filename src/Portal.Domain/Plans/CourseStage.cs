namespace Portal.Domain.Plans;

/// <summary>Forløbscirklen: where the work with the child is now.</summary>
public enum CourseStage
{
    Concern,
    Analysis,
    ActionPlan,
    TryingIt,
    Evaluation,
    NewInterventionsOrExternalSupport,
}

public static class CourseStages
{
    /// <summary>The stages in the order the circle goes round.</summary>
    public static IReadOnlyList<CourseStage> InOrder { get; } = Enum.GetValues<CourseStage>();

    /// <summary>
    /// The stage that comes next. The circle closes: after new interventions or outside help comes a new action plan,
    /// not a new concern (the handbook's course cycle, seed 004).
    /// </summary>
    public static CourseStage Next(this CourseStage stage) => stage switch
    {
        CourseStage.NewInterventionsOrExternalSupport => CourseStage.ActionPlan,
        _ when Enum.IsDefined(stage) => stage + 1,
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };
}
