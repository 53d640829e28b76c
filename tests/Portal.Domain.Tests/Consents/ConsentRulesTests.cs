using Portal.Domain.Consents;
using Portal.Domain.Families;

namespace Portal.Domain.Tests.Consents;

/// <summary>The edges of the consent rules: who may say no first, how a decision is recorded, and who shares under it.</summary>
public sealed class ConsentRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 3, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 3);
    private static readonly ConsentWording Wording = new("2026-1", "Sundhedsplejen og Familieafdelingen må udveksle oplysninger om Oskar.");
    private static readonly Party Mother = new("mother", "Sofie", ActorRole.Parent);
    private static readonly Party Father = new("father", "Anders", ActorRole.Parent);
    private static readonly Party[] BothParents = [Mother, Father];
    private static readonly Actor Caseworker = new("cw", "Lars Holm", ActorRole.Caseworker);

    [Fact]
    public void A_consent_is_only_for_a_partner_and_a_purpose_that_exist()
    {
        Assert.Equal("Consent.Unknown", Assert.Throws<DomainException>(() => Consent.For(Guid.NewGuid(), (PartnerService)99, ConsentPurpose.NetworkMeetings)).Code);
        Assert.Equal("Consent.Unknown", Assert.Throws<DomainException>(() => Consent.For(Guid.NewGuid(), PartnerService.HealthVisitors, (ConsentPurpose)99)).Code);
    }

    [Fact]
    public void Before_anyone_answers_the_consent_is_not_given_not_expired()
    {
        var consent = Exchange();

        var status = consent.StatusAt(Now, BothParents);

        Assert.Equal(ConsentState.NotGiven, status.State);
        Assert.Null(status.ValidUntil);
        Assert.Equal(BothParents, status.Missing);
    }

    [Fact]
    public void Someone_who_must_decide_may_say_no_first_and_anyone_else_has_nothing_to_withdraw()
    {
        var consent = Exchange();
        var grandmother = new Party("gran", "Mormor", ActorRole.Parent);

        Assert.Null(consent.Revoke(grandmother, Wording, ConsentMethod.Portal, null, Now, BothParents));
        var no = consent.Revoke(Father, Wording, ConsentMethod.Portal, null, Now, BothParents);

        Assert.Equal((ConsentAction.Revoked, "father", 1), (no!.Action, no.PartyId, no.Sequence));
        var yes = consent.Give(Mother, Wording, ConsentMethod.Portal, null, Now, 12, BothParents);
        Assert.Equal(ConsentState.Revoked, consent.StatusAt(Now, BothParents).State);

        // The refused withdrawal recorded nothing: two decisions, numbered in order, and the count the next one follows.
        Assert.Equal((2, 2), (yes!.Sequence, consent.DecisionCount));
    }

    [Fact]
    public void A_decision_in_the_portal_is_made_by_the_person_themself_and_an_unknown_way_is_refused()
    {
        var consent = Exchange();

        Assert.Equal("Consent.PortalIsByThePersonThemself", Assert.Throws<DomainException>(() => consent.Give(Mother, Wording, ConsentMethod.Portal, Caseworker, Now, 12, BothParents)).Code);
        Assert.Equal("Consent.UnknownMethod", Assert.Throws<DomainException>(() => consent.Give(Mother, Wording, (ConsentMethod)9, null, Now, 12, BothParents)).Code);
        Assert.Equal("Consent.OralNeedsStaff", Assert.Throws<DomainException>(() => consent.Give(Mother, Wording, ConsentMethod.Oral, null, Now, 12, BothParents)).Code);
        Assert.Empty(consent.Decisions);
    }

    [Fact]
    public void A_decision_needs_the_words_shown_and_their_version()
    {
        var consent = Exchange();

        Assert.Equal("Consent.Wording.Required", Assert.Throws<DomainException>(() => consent.Give(Mother, Wording with { Text = " " }, ConsentMethod.Portal, null, Now, 12, BothParents)).Code);
        Assert.Equal("Consent.WordingVersion.Required", Assert.Throws<DomainException>(() => consent.Give(Mother, Wording with { Version = " " }, ConsentMethod.Portal, null, Now, 12, BothParents)).Code);
        Assert.Equal("Consent.WordingVersion.TooLong", Assert.Throws<DomainException>(() => consent.Revoke(Mother, Wording with { Version = new string('1', 21) }, ConsentMethod.Portal, null, Now, BothParents)).Code);
        Assert.Empty(consent.Decisions);
    }

    [Fact]
    public void Only_staff_record_a_sharing_only_under_a_consent_for_exchange_and_with_words_for_what_was_shared()
    {
        var exchange = Valid(Exchange());
        var meetings = Valid(Consent.For(Guid.NewGuid(), PartnerService.HealthVisitors, ConsentPurpose.NetworkMeetings));
        var parent = new Actor("mother", "Sofie", ActorRole.Parent);

        Assert.Equal("Consent.OnlyStaffShare", Assert.Throws<DomainException>(() => exchange.RecordSharing("Skolens bekymring", parent, Now, BothParents)).Code);
        Assert.Equal("Consent.WrongPurpose", Assert.Throws<DomainException>(() => meetings.RecordSharing("Skolens bekymring", Caseworker, Now, BothParents)).Code);
        Assert.Equal("Consent.Share.Required", Assert.Throws<DomainException>(() => exchange.RecordSharing(" ", Caseworker, Now, BothParents)).Code);
        Assert.Empty(exchange.Shares);
        Assert.Empty(meetings.Shares);

        var share = exchange.RecordSharing("Skolens bekymring", Caseworker, Now, BothParents);
        Assert.Equal(("Skolens bekymring", "cw", "Lars Holm", Now), (share.What, share.ByUserId, share.ByName, share.At));
    }

    [Fact]
    public void A_custody_holder_whose_name_is_not_known_is_named_by_nothing_rather_than_a_wrong_name()
    {
        var child = new Child("Oskar Jensen", new DateOnly(2018, 5, 1), Today);
        child.AddCustodyHolder("mother");
        child.AddCustodyHolder("father");

        var parties = ConsentPolicy.RequiredParties(child, Today, new Dictionary<string, string> { ["mother"] = "Sofie Jensen" });

        Assert.Equal([("mother", "Sofie Jensen"), ("father", string.Empty)], parties.Select(party => (party.Id, party.Name)));
    }

    [Fact]
    public void A_young_person_without_a_login_is_known_by_the_child_s_id()
    {
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

        Assert.Equal("child:0f8fad5bd9cb469fa16570867728950e", Party.ChildWithoutLogin(id));
    }

    [Fact]
    public void A_refusal_that_names_no_reason_still_has_a_code()
    {
        Assert.Equal("Domain.Unknown", new DomainException().Code);
        Assert.False(new DomainException("X").MeansNotFound);
    }

    private static Consent Exchange() => Consent.For(Guid.NewGuid(), PartnerService.HealthVisitors, ConsentPurpose.InformationExchange);

    private static Consent Valid(Consent consent)
    {
        consent.Give(Mother, Wording, ConsentMethod.Portal, null, Now.AddDays(-1), 12, BothParents);
        consent.Give(Father, Wording, ConsentMethod.Portal, null, Now.AddDays(-1), 12, BothParents);
        return consent;
    }
}
