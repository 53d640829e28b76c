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
