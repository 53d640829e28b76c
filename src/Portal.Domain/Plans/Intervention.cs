using Portal.Domain.Professionals;

namespace Portal.Domain.Plans;

/// <summary>Who does what, from when to when. It ends only when someone has taken over.</summary>
public sealed class Intervention
{
    public const int WhatMaxLength = 300;
    public const int WhoMaxLength = 150;
    public const int TakenOverByMaxLength = 200;

    internal Intervention(string what, string who, DateOnly from, DateOnly? to, GuidingMarks marks, Actor author)
    {
        Id = Guid.NewGuid();
        Marks = marks;
        AuthorUserId = author.UserId;
        AuthorName = author.Name;
        AuthorService = author.Service;
        What = what;
        Who = who;
        From = from;
        To = to;
    }

    // Stryker disable once all : EF Core's constructor; EF Core sets every property from the row it reads.
    private Intervention()
    {
        What = Who = string.Empty;
    }

    public Guid Id { get; private set; }

    public string What { get; private set; }

    /// <summary>A person or a service, such as PPR, Sundhedsplejen or Familieafdelingen.</summary>
    public string Who { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly? To { get; private set; }

    public DateOnly? EndedOn { get; private set; }

    public Handover? Handover { get; private set; }

    /// <summary>Who is there for the child now: a professional or someone from the family's own network.</summary>
    public string? TakenOverBy { get; private set; }

    /// <summary>The guiding marks the intervention serves; none on what was written before interventions could name them.</summary>
    public GuidingMarks Marks { get; private set; }

    /// <summary>Who wrote it into the plan; null on what was written before the plan kept it.</summary>
    public string? AuthorUserId { get; private set; }

    public string? AuthorName { get; private set; }

    /// <summary>The author's service when a professional wrote it; null when the caseworker did.</summary>
    public ProfessionalService? AuthorService { get; private set; }

    public bool IsActive => EndedOn is null;

    internal void End(DateOnly endedOn, Handover handover, string? takenOverBy)
    {
        EndedOn = endedOn;
        Handover = handover;
        TakenOverBy = takenOverBy;
    }
}

/// <summary>How an intervention ends: we do not let go of a family before someone else has taken over (seed 002).</summary>
public enum Handover
{
    OtherProfessional,
    FamilyNetwork,
    NoLongerNeededAgreedWithFamily,
}
