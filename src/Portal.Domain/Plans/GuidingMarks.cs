namespace Portal.Domain.Plans;

/// <summary>
/// Pejlemærkerne: the policy's four guiding marks, which a goal or an intervention can name (one or several).
/// </summary>
[Flags]
public enum GuidingMarks
{
    None = 0,

    /// <summary>Tidlig indsats: act early, before problems grow.</summary>
    EarlyAction = 1,

    /// <summary>Sammenhænge: coherence across home, daycare, school and leisure.</summary>
    Coherence = 2,

    /// <summary>Forældreskab: support the parents as the most important people in the child's life.</summary>
    Parenthood = 4,

    /// <summary>Fælles faglighed: shared professional practice across the services.</summary>
    SharedProfessionalism = 8,
}

public static class GuidingMarksRules
{
    /// <summary>The four marks, in the policy's order.</summary>
    public static IReadOnlyList<GuidingMarks> Each { get; } =
        [GuidingMarks.EarlyAction, GuidingMarks.Coherence, GuidingMarks.Parenthood, GuidingMarks.SharedProfessionalism];

    private const GuidingMarks All = GuidingMarks.EarlyAction | GuidingMarks.Coherence | GuidingMarks.Parenthood | GuidingMarks.SharedProfessionalism;

    /// <summary>The marks as given, refused when they name one the policy does not have.</summary>
    public static GuidingMarks Checked(this GuidingMarks marks) =>
        (marks & ~All) == 0 ? marks : throw new DomainException("Plan.UnknownGuidingMark");

    /// <summary>The marks chosen one by one (check boxes), as one value.</summary>
    public static GuidingMarks Combined(this IEnumerable<GuidingMarks> marks) =>
        marks.Aggregate(GuidingMarks.None, (together, mark) => together | mark);

    /// <summary>Each mark that is set, in the policy's order.</summary>
    public static IReadOnlyList<GuidingMarks> Split(this GuidingMarks marks) => [.. Each.Where(mark => (marks & mark) == mark)];
}
