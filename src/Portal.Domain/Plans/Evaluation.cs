namespace Portal.Domain.Plans;

/// <summary>A dated look back: what happened, and what happens next.</summary>
public sealed class Evaluation
{
    public const int TextMaxLength = 2000;

    internal Evaluation(DateOnly date, string whatHappened, string whatNext)
    {
        Id = Guid.NewGuid();
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
}
