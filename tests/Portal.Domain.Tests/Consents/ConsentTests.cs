using Portal.Domain.Consents;
using Portal.Domain.Families;

namespace Portal.Domain.Tests.Consents;

public sealed class ConsentTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 3, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 3);
    private static readonly ConsentWording Wording = new("2026-1", "Sundhedsplejen må deltage i netværksmøder om Oskar.");
    private static readonly Party Mother = new("mother", "Sofie", ActorRole.Parent);
    private static readonly Party Father = new("father", "Anders", ActorRole.Parent);
    private static readonly Party[] BothParents = [Mother, Father];
    private static readonly Actor Caseworker = new("cw", "Lars Holm", ActorRole.Caseworker);

    [Fact]
    public void With_joint_custody_one_yes_waits_for_the_other_custody_holder()
    {
        var consent = Consent.For(Guid.NewGuid(), PartnerService.HealthVisitors, ConsentPurpose.NetworkMeetings);

        consent.Give(Mother, Wording, ConsentMethod.Portal, null, Now, 12, BothParents);

        var status = consent.StatusAt(Now, BothParents);
        Assert.Equal(ConsentState.WaitingForOthers, status.State);
        Assert.Equal([Father], status.Missing);
        Assert.False(status.IsValid);
    }

    [Fact]
    public void Both_custody_holders_saying_yes_makes_it_valid_until_the_first_expiry()
    {
        var consent = Consent.For(Guid.NewGuid(), PartnerService.HealthVisitors, ConsentPurpose.NetworkMeetings);

        consent.Give(Mother, Wording, ConsentMethod.Portal, null, Now, 12, BothParents);
        consent.Give(Father, Wording, ConsentMethod.Portal, null, Now.AddDays(2), 12, BothParents);

        var status = consent.StatusAt(Now.AddDays(2), BothParents);
        Assert.True(status.IsValid);
        Assert.Equal(Now.AddMonths(12), status.ValidUntil);
    }

    [Fact]
    public void Revoking_by_either_custody_holder_ends_the_consent_at_once()
    {
        var consent = Consent.For(Guid.NewGuid(), PartnerService.HealthVisitors, ConsentPurpose.InformationExchange);
        consent.Give(Mother, Wording, ConsentMethod.Portal, null, Now, 12, BothParents);
        consent.Give(Father, Wording, ConsentMethod.Portal, null, Now, 12, BothParents);

        consent.Revoke(Father, Wording, ConsentMethod.Portal, null, Now.AddMinutes(1), BothParents);

        Assert.Equal(ConsentState.Revoked, consent.StatusAt(Now.AddMinutes(1), BothParents).State);
        Assert.Equal("Consent.NotValid", Assert.Throws<DomainException>(() => consent.RecordSharing("Skoleudtalelse", Caseworker, Now.AddMinutes(2), BothParents)).Code);
    }

    [Fact]
    public void A_consent_stops_counting_when_it_expires()
    {
        var consent = Consent.For(Guid.NewGuid(), PartnerService.OpenCounselling, ConsentPurpose.NetworkMeetings);
        consent.Give(Mother, Wording, ConsentMethod.Portal, null, Now, 12, BothParents);
        consent.Give(Father, Wording, ConsentMethod.Portal, null, Now, 12, BothParents);

        Assert.True(consent.StatusAt(Now.AddMonths(12).AddSeconds(-1), BothParents).IsValid);
        Assert.Equal(ConsentState.Expired, consent.StatusAt(Now.AddMonths(12), BothParents).State);
    }

    [Fact]
    public void A_second_identical_yes_makes_no_second_record_and_a_second_no_neither()
    {
        var consent = Consent.For(Guid.NewGuid(), PartnerService.HealthVisitors, ConsentPurpose.NetworkMeetings);

        Assert.NotNull(consent.Give(Mother, Wording, ConsentMethod.Portal, null, Now, 12, BothParents));
        Assert.Null(consent.Give(Mother, Wording, ConsentMethod.Portal, null, Now.AddSeconds(1), 12, BothParents));
        Assert.NotNull(consent.Revoke(Mother, Wording, ConsentMethod.Portal, null, Now.AddSeconds(2), BothParents));
        Assert.Null(consent.Revoke(Mother, Wording, ConsentMethod.Portal, null, Now.AddSeconds(3), BothParents));

        Assert.Equal([ConsentAction.Given, ConsentAction.Revoked], consent.Decisions.Select(decision => decision.Action));
    }

    [Fact]
    public void Nobody_can_consent_for_someone_else_or_when_it_is_not_theirs_to_give()
    {
        var consent = Consent.For(Guid.NewGuid(), PartnerService.HealthVisitors, ConsentPurpose.NetworkMeetings);
        var stranger = new Party("neighbour", "Lis", ActorRole.Parent);

        Assert.Equal("Consent.NotYoursToGive", Assert.Throws<DomainException>(() => consent.Give(stranger, Wording, ConsentMethod.Portal, null, Now, 12, BothParents)).Code);
        Assert.Empty(consent.Decisions);
    }

    [Fact]
    public void The_exact_words_shown_and_their_version_are_kept_with_each_decision()
    {
        var consent = Consent.For(Guid.NewGuid(), PartnerService.HealthVisitors, ConsentPurpose.NetworkMeetings);

        var decision = consent.Give(Mother, Wording, ConsentMethod.Portal, null, Now, 12, BothParents)!;

        Assert.Equal(("2026-1", Wording.Text, ConsentMethod.Portal), (decision.WordingVersion, decision.WordingText, decision.Method));
    }

    [Fact]
    public void An_oral_consent_names_the_member_of_staff_who_recorded_it_and_can_be_revoked_in_the_portal()
    {
        var consent = Consent.For(Guid.NewGuid(), PartnerService.HealthVisitors, ConsentPurpose.NetworkMeetings);

        var oral = consent.Give(Mother, Wording, ConsentMethod.Oral, Caseworker, Now, 12, BothParents)!;
        consent.Revoke(Mother, Wording, ConsentMethod.Portal, null, Now.AddDays(1), BothParents);

        Assert.Equal(("Lars Holm", ConsentMethod.Oral), (oral.RecordedByName, oral.Method));
        Assert.Equal(ConsentState.Revoked, consent.StatusAt(Now.AddDays(1), BothParents).State);
        Assert.Equal("Consent.OralNeedsStaff", Assert.Throws<DomainException>(() => consent.Give(Father, Wording, ConsentMethod.Oral, null, Now, 12, BothParents)).Code);
    }

    [Fact]
    public void Information_is_shared_only_while_the_consent_for_exchange_is_valid()
    {
        var consent = Consent.For(Guid.NewGuid(), PartnerService.HealthVisitors, ConsentPurpose.InformationExchange);
        Assert.Equal("Consent.NotValid", Assert.Throws<DomainException>(() => consent.RecordSharing("Vægtkurve", Caseworker, Now, BothParents)).Code);

        consent.Give(Mother, Wording, ConsentMethod.Portal, null, Now, 12, BothParents);
        consent.Give(Father, Wording, ConsentMethod.Portal, null, Now, 12, BothParents);
        var share = consent.RecordSharing("Vægtkurve", Caseworker, Now, BothParents);

        Assert.Equal("Vægtkurve", share.What);
        Assert.Single(consent.Shares);
    }

    [Fact]
    public void A_consent_with_nobody_to_give_it_is_never_valid()
    {
        var consent = Consent.For(Guid.NewGuid(), PartnerService.HealthVisitors, ConsentPurpose.NetworkMeetings);

        Assert.Equal(ConsentState.NotGiven, consent.StatusAt(Now, []).State);
    }
}

public sealed class ConsentPolicyTests
{
    private static readonly Dictionary<string, string> Names = new() { ["mother"] = "Sofie", ["father"] = "Anders", ["emma"] = "Emma" };

    [Fact]
    public void Under_15_every_custody_holder_must_consent()
    {
        var today = new DateOnly(2026, 3, 3);
        var child = new Child("Emma", today.AddYears(-15).AddDays(1), today);
        child.AddCustodyHolder("mother");
        child.AddCustodyHolder("father");

        Assert.Equal(["mother", "father"], ConsentPolicy.RequiredParties(child, today, Names).Select(party => party.Id));
    }

    [Fact]
    public void From_the_15th_birthday_the_young_person_alone_consents()
    {
        var born = new DateOnly(2011, 3, 4);
        var child = new Child("Emma", born, new DateOnly(2026, 3, 3));
        child.AddCustodyHolder("mother");
        child.AddCustodyHolder("father");
        child.LinkYouthAccount("emma", new DateOnly(2026, 3, 3), minimumAge: 12);

        Assert.Equal(["mother", "father"], ConsentPolicy.RequiredParties(child, new DateOnly(2026, 3, 3), Names).Select(party => party.Id));
        var fifteen = ConsentPolicy.RequiredParties(child, new DateOnly(2026, 3, 4), Names);
        Assert.Equal([("emma", ActorRole.Youth)], fifteen.Select(party => (party.Id, party.Role)));
    }

    [Fact]
    public void A_young_person_without_a_login_still_decides_and_staff_record_it()
    {
        var today = new DateOnly(2026, 3, 3);
        var child = new Child("Karl", today.AddYears(-16), today);

        var party = Assert.Single(ConsentPolicy.RequiredParties(child, today, Names));

        Assert.Equal(Party.ChildWithoutLogin(child.Id), party.Id);
    }
}
