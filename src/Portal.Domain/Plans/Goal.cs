namespace Portal.Domain.Plans;

/// <summary>A goal written with the family, in everyday words.</summary>
public sealed class Goal
{
    public const int TextMaxLength = 500;

    internal Goal(string text, GuidingMarks marks, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        Text = text;
        Marks = marks;
        CreatedAt = now;
    }

    // Stryker disable once all : EF Core's constructor; EF Core sets every property from the row it reads.
    private Goal()
    {
        Text = string.Empty;
    }

    public Guid Id { get; private set; }

    public string Text { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The guiding marks the goal serves; none on what was written before goals could name them.</summary>
    public GuidingMarks Marks { get; private set; }

    public DateTimeOffset? ReachedAt { get; private set; }

    internal void Reword(string text) => Text = text;

    internal void MarkReached(DateTimeOffset now) => ReachedAt = now;
}
