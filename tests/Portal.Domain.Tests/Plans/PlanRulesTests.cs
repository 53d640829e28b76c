using Portal.Domain.Plans;

namespace Portal.Domain.Tests.Plans;

/// <summary>Who may change which part of the plan, where each rule's edge lies, and what the history says.</summary>
public sealed class PlanRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly Actor Caseworker = new("cw", "Lars Holm", ActorRole.Caseworker);
    private static readonly Actor Mother = new("mother", "Sofie Jensen", ActorRole.Parent);
    private static readonly Actor Emma = new("emma", "Emma Jensen", ActorRole.Youth);

    [Fact]
    public void A_new_plan_belongs_to_its_child_has_an_id_and_no_evaluation_yet()
    {
        var child = Guid.NewGuid();

        var plan = Plan.StartFor(child, Caseworker, Now);

        Assert.Equal(child, plan.ChildId);
        Assert.NotEqual(Guid.Empty, plan.Id);
        Assert.Matches("^[0-9a-f]{32}$", plan.ConcurrencyStamp);
        Assert.Null(plan.LatestEvaluation);
        Assert.Equal("Plan.OnlyStaffEdit", Code(() => Plan.StartFor(child, Mother, Now)));
    }

    [Fact]
    public void No_family_member_changes_a_part_that_staff_keep_and_nothing_is_recorded()
    {
        var plan = Plan.StartFor(Guid.NewGuid(), Caseworker, Now);
        var goal = plan.AddGoal("Emma kommer i skole", Caseworker, Now);
        var support = plan.AddIntervention("Samtaler", "PPR", Today.AddMonths(-1), null, Caseworker, Now);
        var (stamp, changes) = (plan.ConcurrencyStamp, plan.Changes.Count);

        foreach (var family in new[] { Mother, Emma })
        {
            Assert.Equal("Plan.OnlyStaffEdit", Code(() => plan.DescribeWhatMatters("Noget andet", family, Now)));
            Assert.Equal("Plan.OnlyStaffEdit", Code(() => plan.ScheduleNextMeeting(Now.AddDays(7), "Rådhuset", family, Now)));
            Assert.Equal("Plan.OnlyStaffEdit", Code(() => plan.UpdateOverview("Noget andet", CourseStage.TryingIt, null, null, family, Now)));
            Assert.Equal("Plan.OnlyStaffEdit", Code(() => plan.UpdateOverview(new string('a', 2001), CourseStage.Concern, null, null, family, Now)));
            Assert.Equal("Plan.OnlyStaffEdit", Code(() => plan.RewordGoal(goal.Id, "Nyt mål", family, Now)));
            Assert.Equal("Plan.OnlyStaffEdit", Code(() => plan.MarkGoalReached(goal.Id, family, Now)));
            Assert.Equal("Plan.OnlyStaffEdit", Code(() => plan.AddIntervention("Mere", "Mor", Today, null, family, Now)));
            Assert.Equal("Plan.OnlyStaffEdit", Code(() => plan.EndIntervention(support.Id, Today, Handover.FamilyNetwork, "Mormor", family, Now)));
            Assert.Equal("Plan.OnlyStaffEdit", Code(() => plan.AddEvaluation(Today, "Godt", "Videre", Today, family, Now)));
            Assert.Equal("Plan.OnlyStaffEdit", Code(() => plan.AddTransition(TransitionKind.NewSchool, Today.AddMonths(6), null, "Lærer", family, Now)));
        }

        Assert.Equal((stamp, changes, "Emma kommer i skole", (DateTimeOffset?)null, true), (plan.ConcurrencyStamp, plan.Changes.Count, goal.Text, goal.ReachedAt, support.IsActive));
        Assert.Null(plan.WhatMatters);
        Assert.Empty(plan.Evaluations);
        Assert.Empty(plan.Transitions);
    }

    [Fact]
    public void Every_staff_change_is_recorded_with_what_it_was_and_renews_the_stamp()
    {
        var plan = Plan.StartFor(Guid.NewGuid(), Caseworker, Now);
        var stamps = new List<string> { plan.ConcurrencyStamp };
        var meeting = Now.AddDays(7);

        plan.DescribeWhatMatters("At Emma har venner", Caseworker, Now);
        stamps.Add(plan.ConcurrencyStamp);
        plan.ScheduleNextMeeting(meeting, "Rådhuset", Caseworker, Now);
        stamps.Add(plan.ConcurrencyStamp);
        var goal = plan.AddGoal("Emma kommer i skole", Caseworker, Now);
        stamps.Add(plan.ConcurrencyStamp);
        plan.RewordGoal(goal.Id, "Emma kommer i skole hver dag", Caseworker, Now);
        stamps.Add(plan.ConcurrencyStamp);
        plan.MarkGoalReached(goal.Id, Caseworker, Now.AddDays(1));
        stamps.Add(plan.ConcurrencyStamp);
        var support = plan.AddIntervention("Samtaler", "PPR", Today.AddMonths(-1), null, Caseworker, Now);
        stamps.Add(plan.ConcurrencyStamp);
        plan.EndIntervention(support.Id, Today, Handover.FamilyNetwork, "Mormor", Caseworker, Now);
        stamps.Add(plan.ConcurrencyStamp);
        plan.AddEvaluation(Today, "Det gik godt", "Vi fortsætter", Today, Caseworker, Now);
        stamps.Add(plan.ConcurrencyStamp);
        plan.AddTransition(TransitionKind.NewSchool, Today.AddMonths(6), null, "Klasselæreren", Caseworker, Now);
        stamps.Add(plan.ConcurrencyStamp);
        plan.AddTransition(TransitionKind.NewSchool, Today.AddMonths(7), "Ny skole", "Klasselæreren", Caseworker, Now);
        stamps.Add(plan.ConcurrencyStamp);

        Assert.Equal(stamps.Count, stamps.Distinct().Count());
        Assert.Equal(
            [
                (PlanChangeKind.Started, null),
                (PlanChangeKind.WhatMattersChanged, "At Emma har venner"),
                (PlanChangeKind.NextMeetingChanged, "2026-11-30T09:00:00.0000000+00:00"),
                (PlanChangeKind.GoalAdded, "Emma kommer i skole"),
                (PlanChangeKind.GoalReworded, "Emma kommer i skole hver dag"),
                (PlanChangeKind.GoalReached, "Emma kommer i skole hver dag"),
                (PlanChangeKind.InterventionAdded, "Samtaler (PPR)"),
                (PlanChangeKind.InterventionEnded, "Samtaler"),
                (PlanChangeKind.EvaluationAdded, "Det gik godt"),
                (PlanChangeKind.TransitionAdded, "Klasselæreren"),
                (PlanChangeKind.TransitionAdded, "Ny skole"),
            ],
            plan.Changes.Select(change => (change.Kind, change.Summary)));
        Assert.All(plan.Changes, change => Assert.Equal(("cw", "Lars Holm", ActorRole.Caseworker, Now.Offset), (change.ByUserId, change.ByName, change.ByRole, change.At.Offset)));
        Assert.Equal(Now.AddDays(1), goal.ReachedAt);
        Assert.Equal((meeting, "Rådhuset"), (plan.NextMeetingAt, plan.NextMeetingPlace));
        Assert.Single(plan.Evaluations);
        Assert.Equal(2, plan.Transitions.Count);
    }

    [Fact]
    public void A_goal_is_reached_once_and_an_unknown_goal_is_not_found()
    {
        var plan = Plan.StartFor(Guid.NewGuid(), Caseworker, Now);
        var goal = plan.AddGoal("Emma kommer i skole", Caseworker, Now);
        plan.MarkGoalReached(goal.Id, Caseworker, Now);
        var stamp = plan.ConcurrencyStamp;

        Assert.Equal("Goal.AlreadyReached", Code(() => plan.MarkGoalReached(goal.Id, Caseworker, Now.AddDays(1))));
        var unknown = Assert.Throws<DomainException>(() => plan.MarkGoalReached(Guid.NewGuid(), Caseworker, Now));
        Assert.Equal(("Plan.ItemNotFound", true), (unknown.Code, unknown.MeansNotFound));

        Assert.Equal((Now, stamp), (goal.ReachedAt, plan.ConcurrencyStamp));
        Assert.Equal("Goal.Text.Required", Code(() => plan.RewordGoal(goal.Id, " ", Caseworker, Now)));
        Assert.Equal("Emma kommer i skole", goal.Text);
    }

    [Fact]
    public void The_next_meeting_may_be_now_not_before_and_without_a_time_it_has_no_place()
    {
        var plan = Plan.StartFor(Guid.NewGuid(), Caseworker, Now);

        Assert.Equal("Plan.MeetingInThePast", Code(() => plan.ScheduleNextMeeting(Now.AddTicks(-1), "Rådhuset", Caseworker, Now)));
        plan.ScheduleNextMeeting(Now, "Rådhuset", Caseworker, Now);
        Assert.Equal((Now, "Rådhuset"), (plan.NextMeetingAt, plan.NextMeetingPlace));

        plan.ScheduleNextMeeting(null, "Rådhuset", Caseworker, Now);

        Assert.Equal(((DateTimeOffset?)null, (string?)null), (plan.NextMeetingAt, plan.NextMeetingPlace));
        Assert.Null(plan.Changes.Last().Summary);
        Assert.Equal("Plan.MeetingPlace.TooLong", Code(() => plan.ScheduleNextMeeting(Now.AddDays(1), new string('a', 201), Caseworker, Now)));
        Assert.Equal("Plan.WhatMatters.TooLong", Code(() => plan.DescribeWhatMatters(new string('a', 2001), Caseworker, Now)));
        Assert.Equal("Plan.WhatMatters.TooLong", Code(() => plan.UpdateOverview(new string('a', 2001), CourseStage.Concern, null, null, Caseworker, Now)));
        Assert.Equal("Plan.MeetingPlace.TooLong", Code(() => plan.UpdateOverview(null, CourseStage.Concern, Now.AddDays(1), new string('a', 201), Caseworker, Now)));
    }

    [Fact]
    public void A_place_without_a_meeting_time_is_not_a_change()
    {
        var plan = Plan.StartFor(Guid.NewGuid(), Caseworker, Now);

        plan.UpdateOverview(null, CourseStage.Concern, null, "Rådhuset", Caseworker, Now);

        Assert.Single(plan.Changes);
        Assert.Null(plan.NextMeetingPlace);
    }

    [Fact]
    public void A_stage_that_does_not_exist_is_refused_and_the_same_stage_again_records_nothing()
    {
        var plan = Plan.StartFor(Guid.NewGuid(), Caseworker, Now);

        Assert.Equal("Plan.UnknownStage", Code(() => plan.MoveTo((CourseStage)99, Caseworker, Now)));
        plan.MoveTo(CourseStage.Concern, Caseworker, Now);

        Assert.Equal(CourseStage.Concern, plan.Stage);
        Assert.Single(plan.Changes);
    }

    [Fact]
    public void An_intervention_may_start_and_end_on_the_same_day()
    {
        var plan = Plan.StartFor(Guid.NewGuid(), Caseworker, Now);

        var oneDay = plan.AddIntervention("Samtale", "PPR", Today, Today, Caseworker, Now);
        var support = plan.AddIntervention("Samtaler", "PPR", Today, null, Caseworker, Now);
        Assert.Equal("Intervention.EndsBeforeItStarts", Code(() => plan.EndIntervention(support.Id, Today.AddDays(-1), Handover.FamilyNetwork, "Mormor", Caseworker, Now)));
        plan.EndIntervention(support.Id, Today, Handover.OtherProfessional, "Skolens AKT-lærer", Caseworker, Now);

        Assert.Equal((Today, Today), (oneDay.From, oneDay.To));
        Assert.Equal((false, Today, Handover.OtherProfessional, "Skolens AKT-lærer"), (support.IsActive, support.EndedOn, support.Handover, support.TakenOverBy));
    }

    [Fact]
    public void Ending_an_intervention_checks_the_handover_and_its_words()
    {
        var plan = Plan.StartFor(Guid.NewGuid(), Caseworker, Now);
        var support = plan.AddIntervention("Samtaler", "PPR", Today.AddMonths(-1), null, Caseworker, Now);

        Assert.Equal("Intervention.UnknownHandover", Code(() => plan.EndIntervention(support.Id, Today, (Handover)99, "Mormor", Caseworker, Now)));
        Assert.Equal("Intervention.TakenOverBy.TooLong", Code(() => plan.EndIntervention(support.Id, Today, Handover.NoLongerNeededAgreedWithFamily, new string('a', 201), Caseworker, Now)));
        Assert.True(support.IsActive);
        Assert.Equal("Intervention.What.Required", Code(() => plan.AddIntervention(" ", "PPR", Today, null, Caseworker, Now)));
        Assert.Equal("Intervention.Who.Required", Code(() => plan.AddIntervention("Samtaler", " ", Today, null, Caseworker, Now)));
    }

    [Fact]
    public void An_evaluation_may_be_dated_today_and_needs_both_what_happened_and_what_next()
    {
        var plan = Plan.StartFor(Guid.NewGuid(), Caseworker, Now);

        Assert.Equal("Evaluation.WhatHappened.Required", Code(() => plan.AddEvaluation(Today, " ", "Videre", Today, Caseworker, Now)));
        Assert.Equal("Evaluation.WhatNext.Required", Code(() => plan.AddEvaluation(Today, "Godt", " ", Today, Caseworker, Now)));
        var evaluation = plan.AddEvaluation(Today, "Godt", "Videre", Today, Caseworker, Now);

        Assert.Equal((Today, "Godt", "Videre"), (evaluation.Date, evaluation.WhatHappened, evaluation.WhatNext));
    }

    [Fact]
    public void A_transition_needs_a_known_kind_and_who_is_there()
    {
        var plan = Plan.StartFor(Guid.NewGuid(), Caseworker, Now);

        Assert.Equal("Transition.UnknownKind", Code(() => plan.AddTransition((TransitionKind)99, Today, null, "Lærer", Caseworker, Now)));
        Assert.Equal("Transition.WhoIsThere.Required", Code(() => plan.AddTransition(TransitionKind.NewSchool, Today, null, " ", Caseworker, Now)));
        Assert.Equal("Transition.Description.TooLong", Code(() => plan.AddTransition(TransitionKind.NewSchool, Today, new string('a', 301), "Lærer", Caseworker, Now)));
        Assert.Empty(plan.Transitions);
    }

    [Fact]
    public void The_family_s_own_words_need_a_known_kind_and_a_change_to_them_is_recorded()
    {
        var plan = Plan.StartFor(Guid.NewGuid(), Caseworker, Now);

        Assert.Equal("FamilyEntry.UnknownKind", Code(() => plan.AddFamilyEntry((FamilyEntryKind)99, "Fodbold", Mother, Now)));
        var entry = plan.AddFamilyEntry(FamilyEntryKind.WhatMattersToMe, "Fodbold", Mother, Now);
        Assert.Equal("FamilyEntry.Text.Required", Code(() => plan.EditFamilyEntry(entry.Id, " ", Mother, Now)));
        plan.EditFamilyEntry(entry.Id, "Fodbold og håndbold", Mother, Now.AddHours(1));

        Assert.Equal((PlanChangeKind.FamilyEntryEdited, "Fodbold og håndbold", "mother"), (plan.Changes.Last().Kind, plan.Changes.Last().Summary, plan.Changes.Last().ByUserId));
    }

    [Fact]
    public void A_long_summary_in_the_history_is_cut_at_the_limit_with_an_ellipsis()
    {
        var plan = Plan.StartFor(Guid.NewGuid(), Caseworker, Now);

        plan.AddGoal(new string('a', 300), Caseworker, Now);
        plan.AddGoal(new string('b', 301), Caseworker, Now);

        Assert.Equal(new string('a', 300), plan.Changes.ElementAt(1).Summary);
        Assert.Equal(new string('b', 299) + "…", plan.Changes.ElementAt(2).Summary);
    }

    private static string Code(Action move) => Assert.Throws<DomainException>(move).Code;

    private static string Code(Func<object> move) => Assert.Throws<DomainException>(() => move()).Code;
}
