using Portal.Domain.Plans;

namespace Portal.Domain.Tests.Plans;

public sealed class PlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly Actor Caseworker = new("cw", "Lars Holm", ActorRole.Caseworker);
    private static readonly Actor Mother = new("mother", "Sofie Jensen", ActorRole.Parent);
    private static readonly Actor Father = new("father", "Anders Jensen", ActorRole.Parent);
    private static readonly Actor Emma = new("emma", "Emma Jensen", ActorRole.Youth);

    [Fact]
    public void A_new_plan_starts_at_concern_and_records_who_started_it()
    {
        var plan = Plan.StartFor(Guid.NewGuid(), Caseworker, Now);

        Assert.Equal(CourseStage.Concern, plan.Stage);
        var change = Assert.Single(plan.Changes);
        Assert.Equal((PlanChangeKind.Started, "Lars Holm", ActorRole.Caseworker, Now), (change.Kind, change.ByName, change.ByRole, change.At));
    }

    [Fact]
    public void Family_members_cannot_edit_what_staff_keep()
    {
        var plan = Plan.StartFor(Guid.NewGuid(), Caseworker, Now);

        Assert.Equal("Plan.OnlyStaffEdit", Assert.Throws<DomainException>(() => plan.AddGoal("Mere fri", Mother, Now)).Code);
        Assert.Equal("Plan.OnlyStaffEdit", Assert.Throws<DomainException>(() => plan.MoveTo(CourseStage.TryingIt, Emma, Now)).Code);
        Assert.Empty(plan.Goals);
    }

    [Fact]
    public void Every_staff_change_is_kept_in_order_and_renews_the_stamp()
    {
        var plan = Plan.StartFor(Guid.NewGuid(), Caseworker, Now);
        var stamp = plan.ConcurrencyStamp;

        plan.AddGoal("Emma kommer i skole hver dag", Caseworker, Now.AddMinutes(1));
        plan.MoveTo(CourseStage.ActionPlan, Caseworker, Now.AddMinutes(2));

        Assert.NotEqual(stamp, plan.ConcurrencyStamp);
        Assert.Equal([PlanChangeKind.Started, PlanChangeKind.GoalAdded, PlanChangeKind.StageChanged], plan.Changes.Select(change => change.Kind));
        Assert.Equal("Emma kommer i skole hver dag", plan.Changes.ElementAt(1).Summary);
    }

    [Fact]
    public void An_intervention_cannot_end_without_someone_taking_over()
    {
        var plan = Plan.StartFor(Guid.NewGuid(), Caseworker, Now);
        var support = plan.AddIntervention("Samtaler om skolen", "PPR", Today.AddMonths(-2), Today.AddMonths(1), Caseworker, Now);

        var error = Assert.Throws<DomainException>(() => plan.EndIntervention(support.Id, Today, Handover.OtherProfessional, " ", Caseworker, Now));

        Assert.Equal("Intervention.TakenOverBy.Required", error.Code);
        Assert.True(support.IsActive);
    }

    [Fact]
    public void An_intervention_ends_when_the_family_network_takes_over()
    {
        var plan = Plan.StartFor(Guid.NewGuid(), Caseworker, Now);
        var support = plan.AddIntervention("Lektiehjælp", "Familieafdelingen", Today.AddMonths(-2), null, Caseworker, Now);

        plan.EndIntervention(support.Id, Today, Handover.FamilyNetwork, "Mormor hjælper med lektier om tirsdagen", Caseworker, Now);

        Assert.False(support.IsActive);
        Assert.Equal("Mormor hjælper med lektier om tirsdagen", support.TakenOverBy);
        Assert.Equal(PlanChangeKind.InterventionEnded, plan.Changes.Last().Kind);
    }

    [Fact]
    public void An_intervention_no_longer_needed_ends_without_a_successor_and_only_once()
    {
        var plan = Plan.StartFor(Guid.NewGuid(), Caseworker, Now);
        var support = plan.AddIntervention("Lektiehjælp", "Familieafdelingen", Today.AddMonths(-2), null, Caseworker, Now);

        plan.EndIntervention(support.Id, Today, Handover.NoLongerNeededAgreedWithFamily, null, Caseworker, Now);

        Assert.Equal("Intervention.AlreadyEnded", Assert.Throws<DomainException>(() => plan.EndIntervention(support.Id, Today, Handover.NoLongerNeededAgreedWithFamily, null, Caseworker, Now)).Code);
    }

    [Fact]
    public void An_intervention_cannot_end_before_it_starts()
    {
        var plan = Plan.StartFor(Guid.NewGuid(), Caseworker, Now);

        Assert.Equal("Intervention.EndsBeforeItStarts", Assert.Throws<DomainException>(() => plan.AddIntervention("Samtaler", "PPR", Today, Today.AddDays(-1), Caseworker, Now)).Code);
    }

    [Fact]
    public void The_latest_evaluation_is_the_one_with_the_latest_date_and_none_is_in_the_future()
    {
        var plan = Plan.StartFor(Guid.NewGuid(), Caseworker, Now);
        plan.AddEvaluation(Today.AddMonths(-1), "Det gik bedre", "Vi fortsætter", Today, Caseworker, Now);
        plan.AddEvaluation(Today.AddMonths(-3), "Det var svært", "Vi prøver noget nyt", Today, Caseworker, Now);

        Assert.Equal("Det gik bedre", plan.LatestEvaluation?.WhatHappened);
        Assert.Equal("Evaluation.InTheFuture", Assert.Throws<DomainException>(() => plan.AddEvaluation(Today.AddDays(1), "x", "y", Today, Caseworker, Now)).Code);
    }

    [Fact]
    public void The_family_writes_their_own_words_without_blocking_staff()
    {
        var plan = Plan.StartFor(Guid.NewGuid(), Caseworker, Now);
        var stamp = plan.ConcurrencyStamp;

        var entry = plan.AddFamilyEntry(FamilyEntryKind.WishBeforeMeeting, "Jeg vil gerne have mormor med", Emma, Now);

        Assert.Equal(stamp, plan.ConcurrencyStamp);
        Assert.Equal(("emma", ActorRole.Youth), (entry.AuthorUserId, entry.AuthorRole));
        Assert.Equal(PlanChangeKind.FamilyEntryAdded, plan.Changes.Last().Kind);
    }

    [Fact]
    public void Only_the_author_can_change_a_family_entry()
    {
        var plan = Plan.StartFor(Guid.NewGuid(), Caseworker, Now);
        var entry = plan.AddFamilyEntry(FamilyEntryKind.WhatMattersToMe, "At Oskar har det godt", Mother, Now);

        Assert.Equal("FamilyEntry.NotYours", Assert.Throws<DomainException>(() => plan.EditFamilyEntry(entry.Id, "Noget andet", Father, Now)).Code);
        plan.EditFamilyEntry(entry.Id, "At Oskar har det godt i skolen", Mother, Now.AddHours(1));
        Assert.Equal(("At Oskar har det godt i skolen", Now.AddHours(1)), (entry.Text, entry.EditedAt));
    }

    [Fact]
    public void Staff_cannot_write_in_the_family_s_name()
    {
        var plan = Plan.StartFor(Guid.NewGuid(), Caseworker, Now);

        Assert.Equal("Plan.OnlyFamilyWritesOwnWords", Assert.Throws<DomainException>(() => plan.AddFamilyEntry(FamilyEntryKind.WhatMattersToMe, "x", Caseworker, Now)).Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_text_is_refused(string text)
    {
        var plan = Plan.StartFor(Guid.NewGuid(), Caseworker, Now);

        Assert.Equal("Goal.Text.Required", Assert.Throws<DomainException>(() => plan.AddGoal(text, Caseworker, Now)).Code);
        Assert.Equal("FamilyEntry.Text.Required", Assert.Throws<DomainException>(() => plan.AddFamilyEntry(FamilyEntryKind.WhatMattersToMe, text, Mother, Now)).Code);
    }

    [Fact]
    public void Overlong_text_is_refused()
    {
        var plan = Plan.StartFor(Guid.NewGuid(), Caseworker, Now);

        Assert.Equal("Goal.Text.TooLong", Assert.Throws<DomainException>(() => plan.AddGoal(new string('a', Goal.TextMaxLength + 1), Caseworker, Now)).Code);
    }

    [Fact]
    public void A_transition_says_who_will_be_there_on_the_other_side()
    {
        var plan = Plan.StartFor(Guid.NewGuid(), Caseworker, Now);

        Assert.Equal("Transition.WhoIsThere.Required", Assert.Throws<DomainException>(() => plan.AddTransition(TransitionKind.DaycareToSchool, Today.AddMonths(6), null, "", Caseworker, Now)).Code);
        var transition = plan.AddTransition(TransitionKind.DaycareToSchool, Today.AddMonths(6), "Start i 0. klasse", "Klasselærer Pia og AKT-læreren", Caseworker, Now);
        Assert.Equal("Klasselærer Pia og AKT-læreren", transition.WhoIsThere);
    }

    [Fact]
    public void A_next_meeting_cannot_be_in_the_past()
    {
        var plan = Plan.StartFor(Guid.NewGuid(), Caseworker, Now);

        Assert.Equal("Plan.MeetingInThePast", Assert.Throws<DomainException>(() => plan.ScheduleNextMeeting(Now.AddDays(-1), "Rådhuset", Caseworker, Now)).Code);
        plan.ScheduleNextMeeting(Now.AddDays(7), "Familiehuset", Caseworker, Now);
        Assert.Equal("Familiehuset", plan.NextMeetingPlace);
    }

    [Fact]
    public void A_long_summary_is_shortened_in_the_history_but_the_text_is_kept_whole()
    {
        var plan = Plan.StartFor(Guid.NewGuid(), Caseworker, Now);
        var text = new string('b', Goal.TextMaxLength);

        plan.AddGoal(text, Caseworker, Now);

        Assert.Equal(text, plan.Goals.Single().Text);
        Assert.Equal(PlanChange.SummaryMaxLength, plan.Changes.Last().Summary!.Length);
    }

    [Fact]
    public void The_overview_records_only_what_the_caseworker_changed()
    {
        var plan = Plan.StartFor(Guid.NewGuid(), Caseworker, Now);
        var meeting = Now.AddDays(14);

        plan.UpdateOverview("  At Emma har det godt i skolen ", CourseStage.Concern, meeting, " Rådhuset ", Caseworker, Now);
        var stamp = plan.ConcurrencyStamp;
        plan.UpdateOverview("At Emma har det godt i skolen", CourseStage.Concern, meeting, "Rådhuset", Caseworker, Now.AddMinutes(1));

        Assert.Equal(("At Emma har det godt i skolen", meeting, "Rådhuset"), (plan.WhatMatters, plan.NextMeetingAt, plan.NextMeetingPlace));
        Assert.Equal([PlanChangeKind.Started, PlanChangeKind.WhatMattersChanged, PlanChangeKind.NextMeetingChanged], plan.Changes.Select(change => change.Kind));
        Assert.Equal(stamp, plan.ConcurrencyStamp);

        plan.UpdateOverview("At Emma har det godt i skolen", CourseStage.TryingIt, null, "Rådhuset", Caseworker, Now.AddMinutes(2));

        Assert.Equal((CourseStage.TryingIt, (DateTimeOffset?)null, (string?)null), (plan.Stage, plan.NextMeetingAt, plan.NextMeetingPlace));
        Assert.Equal([PlanChangeKind.StageChanged, PlanChangeKind.NextMeetingChanged], plan.Changes.Skip(3).Select(change => change.Kind));
        Assert.NotEqual(stamp, plan.ConcurrencyStamp);
    }

    [Fact]
    public void The_overview_is_for_staff_and_refuses_a_meeting_in_the_past()
    {
        var plan = Plan.StartFor(Guid.NewGuid(), Caseworker, Now);

        Assert.Equal("Plan.OnlyStaffEdit", Assert.Throws<DomainException>(() => plan.UpdateOverview("Mere fri", CourseStage.Concern, null, null, Mother, Now)).Code);
        Assert.Equal("Plan.MeetingInThePast", Assert.Throws<DomainException>(() => plan.UpdateOverview(null, CourseStage.Concern, Now.AddDays(-1), null, Caseworker, Now)).Code);
        Assert.Null(plan.WhatMatters);
    }

    [Fact]
    public void An_unknown_item_and_another_persons_entry_are_refused_as_not_found()
    {
        var plan = Plan.StartFor(Guid.NewGuid(), Caseworker, Now);
        var entry = plan.AddFamilyEntry(FamilyEntryKind.WhatMattersToMe, "Fodbold", Mother, Now);

        Assert.True(Assert.Throws<DomainException>(() => plan.RewordGoal(Guid.NewGuid(), "Nyt mål", Caseworker, Now)).MeansNotFound);
        Assert.True(Assert.Throws<DomainException>(() => plan.EditFamilyEntry(entry.Id, "Håndbold", Father, Now)).MeansNotFound);
        Assert.False(Assert.Throws<DomainException>(() => plan.AddGoal("", Caseworker, Now)).MeansNotFound);
    }
}
