using Portal.Domain.Consents;
using Portal.Domain.Families;
using Portal.Domain.Plans;
using Portal.Domain.Professionals;

namespace Portal.Domain.Tests.Professionals;

/// <summary>
/// The professionals around a child: who may read the plan and on what basis, what they may write in it, and the log of
/// everyone outside the family who read it.
/// </summary>
public sealed class ProfessionalRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 1);
    private static readonly Actor Caseworker = new("cw", "Lars Holm", ActorRole.Caseworker);
    private static readonly Actor Teacher = new("teacher", "Pia Holm", ActorRole.Professional, ProfessionalService.School);
    private static readonly Actor HealthVisitor = new("hv", "Birgit Dahl", ActorRole.Professional, ProfessionalService.HealthVisitors);
    private static readonly Actor Mother = new("mother", "Sofie Jensen", ActorRole.Parent);
    private static readonly Party[] Parents = [new("mother", "Sofie Jensen", ActorRole.Parent), new("father", "Anders Jensen", ActorRole.Parent)];
    private static readonly ConsentWording Wording = new("2026-1", "Kommunen og Sundhedsplejen må udveksle oplysninger om Oskar.");

    [Fact]
    public void A_health_visitor_reads_only_while_both_parents_consent_to_exchanging_information_with_Sundhedsplejen()
    {
        var child = NewChild();
        var assignment = child.AddProfessional("hv", ProfessionalService.HealthVisitors, "ignored: the consent decides", Now);
        var exchange = Consent.For(child.Id, PartnerService.HealthVisitors, ConsentPurpose.InformationExchange);
        var meetings = Consent.For(child.Id, PartnerService.HealthVisitors, ConsentPurpose.NetworkMeetings);
        Consent[] consents = [exchange, meetings];

        Assert.True(assignment.NeedsConsent);
        Assert.Null(assignment.LegalBasis);
        Assert.Equal(ConsentState.NotGiven, assignment.ExchangeConsentAt(Now, [], Parents));
        Assert.False(assignment.AllowsReading(Now, [], Parents));

        // Consent to take part in meetings is not consent to read the plan; one parent's yes is not both parents'.
        meetings.Give(Parents[0], Wording, ConsentMethod.Portal, null, Now, 12, Parents);
        meetings.Give(Parents[1], Wording, ConsentMethod.Portal, null, Now, 12, Parents);
        exchange.Give(Parents[0], Wording, ConsentMethod.Portal, null, Now, 12, Parents);
        Assert.Equal(ConsentState.WaitingForOthers, assignment.ExchangeConsentAt(Now, consents, Parents));
        Assert.False(assignment.AllowsReading(Now, consents, Parents));

        exchange.Give(Parents[1], Wording, ConsentMethod.Portal, null, Now, 12, Parents);
        Assert.True(assignment.AllowsReading(Now, consents, Parents));

        // Withdrawn: closed the same moment. And a valid consent for another child opens nothing here.
        exchange.Revoke(Parents[1], Wording, ConsentMethod.Portal, null, Now.AddMinutes(1), Parents);
        Assert.Equal(ConsentState.Revoked, assignment.ExchangeConsentAt(Now.AddMinutes(1), consents, Parents));
        Assert.False(assignment.AllowsReading(Now.AddMinutes(1), consents, Parents));
        var other = Consent.For(Guid.NewGuid(), PartnerService.HealthVisitors, ConsentPurpose.InformationExchange);
        other.Give(Parents[0], Wording, ConsentMethod.Portal, null, Now, 12, Parents);
        other.Give(Parents[1], Wording, ConsentMethod.Portal, null, Now, 12, Parents);
        Assert.False(assignment.AllowsReading(Now.AddMinutes(1), [other], Parents));
    }

    [Fact]
    public void A_consent_ends_access_when_it_expires()
    {
        var child = NewChild();
        var assignment = child.AddProfessional("oc", ProfessionalService.OpenCounselling, null, Now);
        var exchange = Consent.For(child.Id, PartnerService.OpenCounselling, ConsentPurpose.InformationExchange);
        exchange.Give(Parents[0], Wording, ConsentMethod.Portal, null, Now, 12, Parents);
        exchange.Give(Parents[1], Wording, ConsentMethod.Portal, null, Now, 12, Parents);

        Assert.True(assignment.AllowsReading(Now.AddMonths(12).AddMinutes(-1), [exchange], Parents));
        Assert.False(assignment.AllowsReading(Now.AddMonths(12), [exchange], Parents));
    }

    [Fact]
    public void Open_counselling_reads_on_its_own_consent_not_on_the_health_visitors()
    {
        var child = NewChild();
        var assignment = child.AddProfessional("oc", ProfessionalService.OpenCounselling, null, Now);
        var healthVisitors = Consent.For(child.Id, PartnerService.HealthVisitors, ConsentPurpose.InformationExchange);
        healthVisitors.Give(Parents[0], Wording, ConsentMethod.Portal, null, Now, 12, Parents);
        healthVisitors.Give(Parents[1], Wording, ConsentMethod.Portal, null, Now, 12, Parents);

        Assert.False(assignment.AllowsReading(Now, [healthVisitors], Parents));
    }

    [Theory]
    [InlineData(ProfessionalService.School)]
    [InlineData(ProfessionalService.Daycare)]
    [InlineData(ProfessionalService.Ppr)]
    public void A_school_daycare_or_PPR_reads_on_the_basis_the_caseworker_recorded_whatever_the_consents(ProfessionalService service)
    {
        var child = NewChild();
        Assert.Equal("Child.LegalBasis.Required", Code(() => child.AddProfessional("p", service, "  ", Now)));
        Assert.Equal("Child.LegalBasis.TooLong", Code(() => child.AddProfessional("p", service, new string('a', ProfessionalAssignment.LegalBasisMaxLength + 1), Now)));
        Assert.Empty(child.Professionals);

        var assignment = child.AddProfessional("p", service, " Forældrenes skriftlige samtykke ", Now);

        Assert.False(assignment.NeedsConsent);
        Assert.Equal("Forældrenes skriftlige samtykke", assignment.LegalBasis);
        Assert.Null(assignment.ExchangeConsentAt(Now, [], Parents));
        Assert.True(assignment.AllowsReading(Now, [], Parents));
        Assert.Equal((child.Id, "p", service, Now), (assignment.ChildId, assignment.UserId, assignment.Service, assignment.AddedAt));
    }

    [Fact]
    public void A_professional_is_added_once_and_taking_them_off_ends_the_assignment()
    {
        var child = NewChild();
        var stamp = child.ConcurrencyStamp;
        child.AddProfessional("hv", ProfessionalService.HealthVisitors, null, Now);
        Assert.NotEqual(stamp, child.ConcurrencyStamp);
        Assert.Equal("Child.ProfessionalAlreadyAdded", Code(() => child.AddProfessional("hv", ProfessionalService.School, "Aftale", Now)));
        Assert.Equal("Child.UnknownService", Code(() => child.AddProfessional("x", (ProfessionalService)99, "Aftale", Now)));
        Assert.Throws<ArgumentException>(() => child.AddProfessional(" ", ProfessionalService.School, "Aftale", Now));

        stamp = child.ConcurrencyStamp;
        child.RemoveProfessional("hv");

        Assert.Empty(child.Professionals);
        Assert.NotEqual(stamp, child.ConcurrencyStamp);
        var missing = Assert.Throws<DomainException>(() => child.RemoveProfessional("hv"));
        Assert.Equal(("Child.ProfessionalNotAdded", true), (missing.Code, missing.MeansNotFound));
    }

    [Fact]
    public void A_professional_writes_evaluations_and_interventions_marked_with_their_name_and_service_but_not_the_rest_of_the_plan()
    {
        var plan = Plan.StartFor(Guid.NewGuid(), Caseworker, Now);
        var goal = plan.AddGoal("Emma kommer i skole", Caseworker, Now);
        var support = plan.AddIntervention("Samtaler", "PPR", Today, null, Caseworker, Now);

        var note = plan.AddEvaluation(Today, "Med i alle timer", "Fast plads", Today, Teacher, Now);
        var homework = plan.AddIntervention("Lektiecafé", "Pia Holm", Today, null, Teacher, Now);

        Assert.Equal(("teacher", "Pia Holm", (ProfessionalService?)ProfessionalService.School), (note.AuthorUserId, note.AuthorName, note.AuthorService));
        Assert.Equal(("teacher", "Pia Holm", (ProfessionalService?)ProfessionalService.School), (homework.AuthorUserId, homework.AuthorName, homework.AuthorService));
        Assert.Equal(("cw", "Lars Holm", (ProfessionalService?)null), (support.AuthorUserId, support.AuthorName, support.AuthorService));
        Assert.Equal((ActorRole.Professional, "Pia Holm"), (plan.Changes.Last().ByRole, plan.Changes.Last().ByName));

        var changes = plan.Changes.Count;
        Assert.Equal("Plan.OnlyStaffEdit", Code(() => plan.AddGoal("Nyt mål", Teacher, Now)));
        Assert.Equal("Plan.OnlyStaffEdit", Code(() => plan.RewordGoal(goal.Id, "Andet mål", Teacher, Now)));
        var notYours = Assert.Throws<DomainException>(() => plan.EndIntervention(support.Id, Today, Handover.OtherProfessional, "Skolen", HealthVisitor, Now));
        Assert.Equal(("Intervention.NotYours", true), (notYours.Code, notYours.MeansNotFound));
        Assert.Equal("Intervention.NotYours", Code(() => plan.EndIntervention(homework.Id, Today, Handover.FamilyNetwork, "Mormor", HealthVisitor, Now)));
        Assert.Equal("Plan.OnlyStaffEdit", Code(() => plan.MoveTo(CourseStage.Evaluation, Teacher, Now)));
        Assert.Equal("Plan.OnlyStaffEdit", Code(() => plan.AddEvaluation(Today, "a", "b", Today, new Actor("x", "Uden tjeneste", ActorRole.Professional), Now)));
        Assert.Equal("Plan.OnlyFamilyWritesOwnWords", Code(() => plan.AddFamilyEntry(FamilyEntryKind.WhatMattersToMe, "Mine ord", Teacher, Now)));
        Assert.Equal(changes, plan.Changes.Count);
        Assert.True(support.IsActive);
        Assert.True(homework.IsActive);

        // Her own part she may end, with someone taking over like anyone else.
        plan.EndIntervention(homework.Id, Today, Handover.OtherProfessional, "Klubben", Teacher, Now);
        Assert.Equal(("Klubben", (ActorRole.Professional, "Pia Holm")), (homework.TakenOverBy, (plan.Changes.Last().ByRole, plan.Changes.Last().ByName)));
        Assert.Equal("Intervention.AlreadyEnded", Code(() => plan.EndIntervention(homework.Id, Today, Handover.OtherProfessional, "Klubben", Teacher, Now)));
    }

    [Fact]
    public void Every_read_from_outside_the_family_is_kept_with_who_in_what_role_and_service_and_the_family_s_own_reads_are_not()
    {
        var child = Guid.NewGuid();

        var read = PlanRead.By(child, HealthVisitor, Now);
        var byCaseworker = PlanRead.By(child, Caseworker, Now);

        Assert.Equal((child, "hv", "Birgit Dahl", ActorRole.Professional, (ProfessionalService?)ProfessionalService.HealthVisitors, Now), (read.ChildId, read.ReaderUserId, read.ReaderName, read.ReaderRole, read.ReaderService, read.At));
        Assert.NotEqual(Guid.Empty, read.Id);
        Assert.NotEqual(read.Id, byCaseworker.Id);
        Assert.Equal((ActorRole.Caseworker, (ProfessionalService?)null), (byCaseworker.ReaderRole, byCaseworker.ReaderService));
        Assert.Equal("PlanRead.FamilyReadsAreNotLogged", Code(() => PlanRead.By(child, Mother, Now)));
        Assert.Equal("PlanRead.FamilyReadsAreNotLogged", Code(() => PlanRead.By(child, new Actor("emma", "Emma", ActorRole.Youth), Now)));
        Assert.Throws<ArgumentNullException>(() => PlanRead.By(child, null!, Now));
    }

    [Theory]
    [InlineData(ProfessionalService.HealthVisitors, PartnerService.HealthVisitors)]
    [InlineData(ProfessionalService.OpenCounselling, PartnerService.OpenCounselling)]
    [InlineData(ProfessionalService.School, null)]
    [InlineData(ProfessionalService.Daycare, null)]
    [InlineData(ProfessionalService.Ppr, null)]
    public void Only_Sundhedsplejen_and_De_Aabne_Raadgivninger_are_decided_by_consent(ProfessionalService service, PartnerService? partner) =>
        Assert.Equal(partner, service.ConsentPartner());

    [Fact]
    public void Only_a_professional_is_a_professional()
    {
        Assert.True(Teacher.IsProfessional);
        Assert.False(Teacher.IsStaff);
        Assert.False(Teacher.IsFamily);
        Assert.False(Caseworker.IsProfessional);
        Assert.False(Mother.IsProfessional);
    }

    private static Child NewChild() => new("Oskar Jensen", Today.AddYears(-8), Today);

    private static string Code(Action action) => Assert.Throws<DomainException>(action).Code;
}
