using Portal.Domain.Professionals;

namespace Portal.Domain.Plans;

/// <summary>A dated look back: what happened, and what happens next.</summary>
public sealed class Evaluation
{
    public const int TextMaxLength = 2000;

    internal Evaluation(DateOnly date, string whatHappened, string whatNext, Actor author)
    {
        Id = Guid.NewGuid();
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

    /// <summary>Who wrote it; null on what was written before the plan kept it.</summary>
    public string? AuthorUserId { get; private set; }

    public string? AuthorName { get; private set; }

    /// <summary>The author's service when a professional wrote it; null when the caseworker did.</summary>
    public ProfessionalService? AuthorService { get; private set; }
}
