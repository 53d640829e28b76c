namespace Portal.Domain.Plans;

/// <summary>One line of the plan's history: who, in what role, when, and what. Never changed once written.</summary>
public sealed class PlanChange
{
    public const int SummaryMaxLength = 300;

    internal PlanChange(PlanChangeKind kind, string? summary, Actor by, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        Kind = kind;
        Summary = summary is { Length: > SummaryMaxLength } ? summary[..(SummaryMaxLength - 1)] + "…" : summary;
        ByUserId = by.UserId;
        ByName = by.Name;
        ByRole = by.Role;
        At = at;
    }

    // Stryker disable once all : EF Core's constructor; EF Core sets every property from the row it reads.
    private PlanChange()
    {
        ByUserId = ByName = string.Empty;
    }

    public Guid Id { get; private set; }

    public PlanChangeKind Kind { get; private set; }

    public string? Summary { get; private set; }

    public string ByUserId { get; private set; }

    public string ByName { get; private set; }

    public ActorRole ByRole { get; private set; }

    public DateTimeOffset At { get; private set; }
}

public enum PlanChangeKind
{
    Started,
    WhatMattersChanged,
    StageChanged,
    NextMeetingChanged,
    GoalAdded,
    GoalReworded,
    GoalReached,
    InterventionAdded,
    InterventionEnded,
    EvaluationAdded,
    TransitionAdded,
    FamilyEntryAdded,
    FamilyEntryEdited,
}
