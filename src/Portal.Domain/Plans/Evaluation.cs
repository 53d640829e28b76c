using Portal.Domain.Professionals;

namespace Portal.Domain.Plans;

/// <summary>A dated look back: what happened, and what happens next.</summary>
public sealed class Evaluation
{
    public const int TextMaxLength = 2000;

    internal Evaluation(DateOnly date, string whatHappened, string whatNext, EvaluationScores scores, Actor author)
    {
        Id = Guid.NewGuid();
        FamilyScore = scores.Family;
        ChildScore = scores.Child;
        ProfessionalScore = scores.Professionals;
        AuthorUserId = author.UserId;
        AuthorName = author.Name;
        AuthorService = author.Service;
        Date = date;
        WhatHappened = whatHappened;
        WhatNext = whatNext;
    }

    // Stryker disable once all : EF Core's constructor; EF Core sets every property from the row it reads.
    private Evaluation()
    {
        WhatHappened = WhatNext = string.Empty;
    }

    public Guid Id { get; private set; }

    public DateOnly Date { get; private set; }

    public string WhatHappened { get; private set; }

    public string WhatNext { get; private set; }

    /// <summary>"Hvordan går det?" on a scale of 1 to 10, as the parents answered; null when not asked.</summary>
    public int? FamilyScore { get; private set; }

    /// <summary>The child's own answer, kept apart from the adults'.</summary>
    public int? ChildScore { get; private set; }

    /// <summary>The professionals' answer.</summary>
    public int? ProfessionalScore { get; private set; }

    public EvaluationScores Scores => new(FamilyScore, ChildScore, ProfessionalScore);

    /// <summary>Who wrote it; null on what was written before the plan kept it.</summary>
    public string? AuthorUserId { get; private set; }

    public string? AuthorName { get; private set; }

    /// <summary>The author's service when a professional wrote it; null when the caseworker did.</summary>
    public ProfessionalService? AuthorService { get; private set; }
}

/// <summary>
/// "Hvordan går det?" from 1 (very badly) to 10 (very well), answered at an evaluation by the parents, by the child
/// themself and by the professionals; each may be left out.
/// </summary>
public sealed record EvaluationScores(int? Family, int? Child, int? Professionals)
{
    public const int Lowest = 1;
    public const int Highest = 10;

    public static EvaluationScores None { get; } = new(null, null, null);

    public bool Any => Family is not null || Child is not null || Professionals is not null;

    /// <summary>The scores as given, refused when one is outside the scale.</summary>
    public EvaluationScores Checked() =>
        new[] { Family, Child, Professionals }.All(score => score is null or (>= Lowest and <= Highest))
            ? this
            : throw new DomainException("Evaluation.ScoreOutOfRange");
}
