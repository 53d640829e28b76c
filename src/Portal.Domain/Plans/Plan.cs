using System.Globalization;

namespace Portal.Domain.Plans;

/// <summary>
/// The one coordinated plan for a child. Staff write goals, interventions, evaluations and transitions; the family adds
/// their own words. Every change is kept in <see cref="Changes"/> with who and when, and never rewritten.
/// </summary>
public sealed class Plan
{
    public const int WhatMattersMaxLength = 2000;
    public const int PlaceMaxLength = 200;

    private readonly List<Goal> _goals = [];
    private readonly List<Intervention> _interventions = [];
    private readonly List<Evaluation> _evaluations = [];
    private readonly List<Transition> _transitions = [];
    private readonly List<FamilyEntry> _familyEntries = [];
    private readonly List<PlanChange> _changes = [];

    private Plan(Guid childId)
    {
        Id = Guid.NewGuid();
        ChildId = childId;
        Stage = CourseStage.Concern;
        ConcurrencyStamp = NewStamp();
    }

    // Stryker disable once all : EF Core's constructor; EF Core sets every property from the row it reads.
    private Plan()
    {
        ConcurrencyStamp = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ChildId { get; private set; }

    /// <summary>What matters to the child, as staff have understood it with the family.</summary>
    public string? WhatMatters { get; private set; }

    public CourseStage Stage { get; private set; }

    public DateTimeOffset? NextMeetingAt { get; private set; }

    public string? NextMeetingPlace { get; private set; }

    public string ConcurrencyStamp { get; private set; }

    /// <summary>
    /// The guiding marks that the plan's active interventions serve together, kept with the plan so that an overview
    /// across all plans counts children per mark without reading every plan's items.
    /// </summary>
    public GuidingMarks ActiveInterventionMarks { get; private set; }

    public IReadOnlyCollection<Goal> Goals => _goals.AsReadOnly();

    public IReadOnlyCollection<Intervention> Interventions => _interventions.AsReadOnly();

    public IReadOnlyCollection<Evaluation> Evaluations => _evaluations.AsReadOnly();

    public IReadOnlyCollection<Transition> Transitions => _transitions.AsReadOnly();

    public IReadOnlyCollection<FamilyEntry> FamilyEntries => _familyEntries.AsReadOnly();

    public IReadOnlyCollection<PlanChange> Changes => _changes.AsReadOnly();

    public Evaluation? LatestEvaluation => _evaluations.OrderByDescending(evaluation => evaluation.Date).FirstOrDefault();

    /// <summary>The evaluations that answered "Hvordan går det?", oldest first: the development the plan shows as a chart.</summary>
    public IReadOnlyList<Evaluation> ScoredEvaluations => [.. _evaluations.Where(evaluation => evaluation.Scores.Any).OrderBy(evaluation => evaluation.Date)];

    public static Plan StartFor(Guid childId, Actor by, DateTimeOffset now)
    {
        RequireStaff(by);
        var plan = new Plan(childId);
        plan.Record(PlanChangeKind.Started, null, by, now);
        return plan;
    }

    public void DescribeWhatMatters(string? text, Actor by, DateTimeOffset now)
    {
        RequireStaff(by);
        WhatMatters = Text.Optional(text, WhatMattersMaxLength, "Plan.WhatMatters");
        StaffChanged(PlanChangeKind.WhatMattersChanged, WhatMatters, by, now);
    }

    public void MoveTo(CourseStage stage, Actor by, DateTimeOffset now)
    {
        RequireStaff(by);
        if (!Enum.IsDefined(stage))
        {
            throw new DomainException("Plan.UnknownStage");
        }

        if (stage == Stage)
        {
            return;
        }

        Stage = stage;
        StaffChanged(PlanChangeKind.StageChanged, stage.ToString(), by, now);
    }

    public void ScheduleNextMeeting(DateTimeOffset? at, string? place, Actor by, DateTimeOffset now)
    {
        RequireStaff(by);
        if (at is { } when && when < now)
        {
            throw new DomainException("Plan.MeetingInThePast");
        }

        NextMeetingAt = at;
        NextMeetingPlace = at is null ? null : Text.Optional(place, PlaceMaxLength, "Plan.MeetingPlace");
        StaffChanged(PlanChangeKind.NextMeetingChanged, at?.ToString("O", CultureInfo.InvariantCulture), by, now);
    }

    /// <summary>
    /// The caseworker's overview: what matters, the stage and the next meeting, saved together. Only what differs from
    /// the plan now is changed and recorded, so saving the form unchanged leaves no trace in the history.
    /// </summary>
    public void UpdateOverview(string? whatMatters, CourseStage stage, DateTimeOffset? nextMeetingAt, string? nextMeetingPlace, Actor by, DateTimeOffset now)
    {
        RequireStaff(by);
        if (Text.Optional(whatMatters, WhatMattersMaxLength, "Plan.WhatMatters") != WhatMatters)
        {
            DescribeWhatMatters(whatMatters, by, now);
        }

        MoveTo(stage, by, now);
        var place = nextMeetingAt is null ? null : Text.Optional(nextMeetingPlace, PlaceMaxLength, "Plan.MeetingPlace");
        if (nextMeetingAt != NextMeetingAt || place != NextMeetingPlace)
        {
            ScheduleNextMeeting(nextMeetingAt, place, by, now);
        }
    }

    public Goal AddGoal(string text, Actor by, DateTimeOffset now, GuidingMarks marks = GuidingMarks.None)
    {
        RequireStaff(by);
        var goal = new Goal(Text.Required(text, Goal.TextMaxLength, "Goal.Text"), marks.Checked(), now);
        _goals.Add(goal);
        StaffChanged(PlanChangeKind.GoalAdded, goal.Text, by, now);
        return goal;
    }

    public void RewordGoal(Guid goalId, string text, Actor by, DateTimeOffset now)
    {
        RequireStaff(by);
        var goal = Find(_goals, goalId, goal => goal.Id);
        goal.Reword(Text.Required(text, Goal.TextMaxLength, "Goal.Text"));
        StaffChanged(PlanChangeKind.GoalReworded, goal.Text, by, now);
    }

    public void MarkGoalReached(Guid goalId, Actor by, DateTimeOffset now)
    {
        RequireStaff(by);
        var goal = Find(_goals, goalId, goal => goal.Id);
        if (goal.ReachedAt is not null)
        {
            throw new DomainException("Goal.AlreadyReached");
        }

        goal.MarkReached(now);
        StaffChanged(PlanChangeKind.GoalReached, goal.Text, by, now);
    }

    /// <summary>Staff, or a professional writing their own part, marked with their name and service.</summary>
    public Intervention AddIntervention(string what, string who, DateOnly from, DateOnly? to, Actor by, DateTimeOffset now, GuidingMarks marks = GuidingMarks.None)
    {
        RequireStaffOrProfessional(by);
        if (to is { } end && end < from)
        {
            throw new DomainException("Intervention.EndsBeforeItStarts");
        }

        var intervention = new Intervention(
            Text.Required(what, Intervention.WhatMaxLength, "Intervention.What"),
            Text.Required(who, Intervention.WhoMaxLength, "Intervention.Who"),
            from,
            to,
            marks.Checked(),
            by);
        _interventions.Add(intervention);
        ActiveInterventionMarks = MarksOfActiveInterventions();
        StaffChanged(PlanChangeKind.InterventionAdded, $"{intervention.What} ({intervention.Who})", by, now);
        return intervention;
    }

    /// <summary>
    /// Ends an intervention. Someone must take over: another professional or the family's own network, named; or
    /// it is no longer needed, which must have been agreed with the family. Staff end any; a professional only their own.
    /// </summary>
    public void EndIntervention(Guid interventionId, DateOnly endedOn, Handover handover, string? takenOverBy, Actor by, DateTimeOffset now)
    {
        RequireStaffOrProfessional(by);
        var intervention = Find(_interventions, interventionId, intervention => intervention.Id);
        if (by.IsProfessional && intervention.AuthorUserId != by.UserId)
        {
            // Another's part, as far as this professional can tell, is not there to change.
            throw DomainException.NotFound("Intervention.NotYours");
        }

        if (!intervention.IsActive)
        {
            throw new DomainException("Intervention.AlreadyEnded");
        }

        if (endedOn < intervention.From)
        {
            throw new DomainException("Intervention.EndsBeforeItStarts");
        }

        var successor = handover switch
        {
            Handover.OtherProfessional or Handover.FamilyNetwork => Text.Required(takenOverBy, Intervention.TakenOverByMaxLength, "Intervention.TakenOverBy"),
            Handover.NoLongerNeededAgreedWithFamily => Text.Optional(takenOverBy, Intervention.TakenOverByMaxLength, "Intervention.TakenOverBy"),
            _ => throw new DomainException("Intervention.UnknownHandover"),
        };
        intervention.End(endedOn, handover, successor);
        ActiveInterventionMarks = MarksOfActiveInterventions();
        StaffChanged(PlanChangeKind.InterventionEnded, intervention.What, by, now);
    }

    /// <summary>Staff, or a professional writing their own evaluation note, marked with their name and service.</summary>
    public Evaluation AddEvaluation(DateOnly date, string whatHappened, string whatNext, DateOnly today, Actor by, DateTimeOffset now, EvaluationScores? scores = null)
    {
        RequireStaffOrProfessional(by);
        if (date > today)
        {
            throw new DomainException("Evaluation.InTheFuture");
        }

        var evaluation = new Evaluation(
            date,
            Text.Required(whatHappened, Evaluation.TextMaxLength, "Evaluation.WhatHappened"),
            Text.Required(whatNext, Evaluation.TextMaxLength, "Evaluation.WhatNext"),
            (scores ?? EvaluationScores.None).Checked(),
            by);
        _evaluations.Add(evaluation);
        StaffChanged(PlanChangeKind.EvaluationAdded, evaluation.WhatHappened, by, now);
        return evaluation;
    }

    public Transition AddTransition(TransitionKind kind, DateOnly when, string? description, string whoIsThere, Actor by, DateTimeOffset now)
    {
        RequireStaff(by);
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("Transition.UnknownKind");
        }

        var transition = new Transition(
            kind,
            when,
            Text.Optional(description, Transition.TextMaxLength, "Transition.Description"),
            Text.Required(whoIsThere, Transition.TextMaxLength, "Transition.WhoIsThere"));
        _transitions.Add(transition);
        StaffChanged(PlanChangeKind.TransitionAdded, transition.Description ?? transition.WhoIsThere, by, now);
        return transition;
    }

    /// <summary>The family's own words. Does not renew the stamp: a parent's wish never blocks a caseworker's save.</summary>
    public FamilyEntry AddFamilyEntry(FamilyEntryKind kind, string text, Actor by, DateTimeOffset now)
    {
        if (!by.IsFamily)
        {
            throw new DomainException("Plan.OnlyFamilyWritesOwnWords");
        }

        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("FamilyEntry.UnknownKind");
        }

        var entry = new FamilyEntry(kind, Text.Required(text, FamilyEntry.TextMaxLength, "FamilyEntry.Text"), by, now);
        _familyEntries.Add(entry);
        Record(PlanChangeKind.FamilyEntryAdded, entry.Text, by, now);
        return entry;
    }

    public void EditFamilyEntry(Guid entryId, string text, Actor by, DateTimeOffset now)
    {
        var entry = Find(_familyEntries, entryId, entry => entry.Id);
        if (entry.AuthorUserId != by.UserId)
        {
            throw DomainException.NotFound("FamilyEntry.NotYours");
        }

        entry.Edit(Text.Required(text, FamilyEntry.TextMaxLength, "FamilyEntry.Text"), now);
        Record(PlanChangeKind.FamilyEntryEdited, entry.Text, by, now);
    }

    /// <summary>The goals and active interventions that serve a guiding mark: the plan read by mark.</summary>
    public (IReadOnlyList<Goal> Goals, IReadOnlyList<Intervention> Interventions) ServingMark(GuidingMarks mark) =>
        ([.. _goals.Where(goal => goal.Marks.HasFlag(mark) && mark != GuidingMarks.None)],
         [.. _interventions.Where(item => item.IsActive && item.Marks.HasFlag(mark) && mark != GuidingMarks.None)]);

    private GuidingMarks MarksOfActiveInterventions() =>
        _interventions.Where(item => item.IsActive).Select(item => item.Marks).Combined();

    private static void RequireStaff(Actor by)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (!by.IsStaff)
        {
            throw new DomainException("Plan.OnlyStaffEdit");
        }
    }

    private static void RequireStaffOrProfessional(Actor by)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (!by.IsStaff && !(by.IsProfessional && by.Service is not null))
        {
            throw new DomainException("Plan.OnlyStaffEdit");
        }
    }

    private static T Find<T>(List<T> items, Guid id, Func<T, Guid> idOf) =>
        items.Find(item => idOf(item) == id) ?? throw DomainException.NotFound("Plan.ItemNotFound");

    private void StaffChanged(PlanChangeKind kind, string? summary, Actor by, DateTimeOffset now)
    {
        Record(kind, summary, by, now);
        ConcurrencyStamp = NewStamp();
    }

    private void Record(PlanChangeKind kind, string? summary, Actor by, DateTimeOffset now) =>
        _changes.Add(new PlanChange(kind, summary, by, now));

    private static string NewStamp() => Guid.NewGuid().ToString("N");
}
