namespace Portal.Domain.Plans;

/// <summary>A change coming in the child's life, and who will be there for the child on the other side.</summary>
public sealed class Transition
{
    public const int TextMaxLength = 300;

    internal Transition(TransitionKind kind, DateOnly when, string? description, string whoIsThere)
    {
        Id = Guid.NewGuid();
        Kind = kind;
        When = when;
        Description = description;
        WhoIsThere = whoIsThere;
    }

    // Stryker disable once all : EF Core's constructor; EF Core sets every property from the row it reads.
    private Transition()
    {
        WhoIsThere = string.Empty;
    }

    public Guid Id { get; private set; }

    public TransitionKind Kind { get; private set; }

    public DateOnly When { get; private set; }

    public string? Description { get; private set; }

    public string WhoIsThere { get; private set; }
}

public enum TransitionKind
{
    HomeToDaycare,
    DaycareToSchool,
    NewSchool,
    Other,
}
