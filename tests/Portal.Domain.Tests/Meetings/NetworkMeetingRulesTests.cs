using Portal.Domain.Consents;
using Portal.Domain.Meetings;

namespace Portal.Domain.Tests.Meetings;

/// <summary>Who may do what to a meeting, what a cancelled meeting refuses, and that every change renews the stamp.</summary>
public sealed class NetworkMeetingRulesTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2027, 3, 1);
    private static readonly Actor Caseworker = new("cw", "Lars Holm", ActorRole.Caseworker);
    private static readonly Actor Emma = new("emma", "Emma Jensen", ActorRole.Youth);
    private static readonly Actor Mother = new("mother", "Sofie Jensen", ActorRole.Parent);
    private static readonly Party EmmaParty = new("emma", "Emma Jensen", ActorRole.Youth);
    private static readonly Guid ChildId = Guid.NewGuid();

    [Fact]
    public void A_scheduled_meeting_keeps_its_time_place_purpose_and_a_fresh_stamp()
    {
        var id = Guid.NewGuid();
        var meeting = NetworkMeeting.Schedule(id, ChildId, childHasOwnLogin: true, Now.AddDays(14), Now.AddDays(14).AddHours(1), " Familiehuset ", null, " Skolestart ", Caseworker, Now);

        Assert.Equal((id, ChildId, Now.AddDays(14), Now.AddDays(14).AddHours(1), "Familiehuset", "Skolestart"), (meeting.Id, meeting.ChildId, meeting.StartsAt, meeting.EndsAt, meeting.Place, meeting.Purpose));
        Assert.Matches("^[0-9a-f]{32}$", meeting.ConcurrencyStamp);
        Assert.Equal("Meeting.NoId", Code(() => NetworkMeeting.Schedule(Guid.Empty, ChildId, true, Now.AddDays(1), Now.AddDays(1).AddHours(1), "Rådhuset", null, "Møde", Caseworker, Now)));
        Assert.Equal("Meeting.Purpose.Required", Code(() => NetworkMeeting.Schedule(ChildId, true, Now.AddDays(1), Now.AddDays(1).AddHours(1), "Rådhuset", null, " ", Caseworker, Now)));
        Assert.Equal("Meeting.Place.TooLong", Code(() => NetworkMeeting.Schedule(ChildId, true, Now.AddDays(1), Now.AddDays(1).AddHours(1), new string('a', 201), null, "Møde", Caseworker, Now)));
        Assert.Equal("Meeting.Link.TooLong", Code(() => NetworkMeeting.Schedule(ChildId, true, Now.AddDays(1), Now.AddDays(1).AddHours(1), null, new string('a', 501), "Møde", Caseworker, Now)));
    }

    [Fact]
    public void A_meeting_may_start_one_moment_from_now_but_not_now()
    {
        Assert.Equal("Meeting.InThePast", Code(() => NetworkMeeting.Schedule(ChildId, true, Now, Now.AddHours(1), "Rådhuset", null, "Møde", Caseworker, Now)));

        var meeting = NetworkMeeting.Schedule(ChildId, true, Now.AddTicks(1), Now.AddHours(1), "Rådhuset", null, "Møde", Caseworker, Now);

        Assert.Equal(Now.AddTicks(1), meeting.StartsAt);
    }

    [Fact]
    public void Only_staff_move_cancel_or_add_professionals_and_partners()
    {
        var meeting = Meeting();
        var consent = GivenConsent();

        foreach (var family in new[] { Emma, Mother })
        {
            Assert.Equal("Meeting.OnlyStaffSchedule", Code(() => meeting.Move(Now.AddDays(20), Now.AddDays(20).AddHours(1), "Rådhuset", null, family, Now)));
            Assert.Equal("Meeting.OnlyStaffSchedule", Code(() => meeting.Cancel(family, Now)));
            Assert.Equal("Meeting.OnlyStaffSchedule", Code(() => meeting.AddProfessional("Pia", "Lærer", "pia@example.dk", family)));
            Assert.Equal("Meeting.OnlyStaffSchedule", Code(() => meeting.AddPartnerService(consent, [EmmaParty], "Anne", "anne@example.dk", family, Now)));
        }

        Assert.Equal((0, false), (meeting.Sequence, meeting.IsCancelled));
        Assert.Empty(meeting.Participants);
    }

    [Fact]
    public void A_cancelled_meeting_refuses_every_change_to_who_comes()
    {
        var meeting = Meeting();
        var neighbour = meeting.SuggestFromNetwork("Lis", "nabo", null, null, null, Mother);
        meeting.Cancel(Caseworker, Now);
        var stamp = meeting.ConcurrencyStamp;

        Assert.Equal("Meeting.Cancelled", Code(() => meeting.Cancel(Caseworker, Now)));
        Assert.Equal("Meeting.Cancelled", Code(() => meeting.SuggestFromNetwork("Mormor", null, null, null, null, Emma)));
        Assert.Equal("Meeting.Cancelled", Code(() => meeting.EditSuggestion(neighbour.Id, "Lis Berg", null, null, null, null, Mother)));
        Assert.Equal("Meeting.Cancelled", Code(() => meeting.NameSupportPerson("Sara", null, null, Today.AddYears(-20), Today, Emma)));
        Assert.Equal("Meeting.Cancelled", Code(() => meeting.AddProfessional("Pia", "Lærer", "pia@example.dk", Caseworker)));
        Assert.Equal("Meeting.Cancelled", Code(() => meeting.AddPartnerService(GivenConsent(), [EmmaParty], "Anne", "anne@example.dk", Caseworker, Now)));
        Assert.Equal("Meeting.AnswerLinkNoLongerValid", Code(() => meeting.Answer(neighbour.Id, neighbour.Revision, true, Now)));

        Assert.Equal((1, stamp, "Lis"), (meeting.Sequence, meeting.ConcurrencyStamp, neighbour.Name));
        Assert.Single(meeting.Participants);
    }

    [Fact]
    public void Every_change_renews_the_stamp_so_a_second_editor_is_stopped()
    {
        var meeting = Meeting();
        var stamps = new List<string> { meeting.ConcurrencyStamp };
        void Changed() => stamps.Add(meeting.ConcurrencyStamp);

        var neighbour = meeting.SuggestFromNetwork("Lis", "nabo", null, null, null, Mother);
        Changed();
        meeting.Decide(neighbour.Id, yes: true, Emma);
        Changed();
        meeting.EditSuggestion(neighbour.Id, "Lis Berg", "nabo", null, null, null, Mother);
        Changed();
        meeting.Withdraw(neighbour.Id, Emma);
        Changed();
        var pia = meeting.AddProfessional("Pia", "Lærer", "pia@example.dk", Caseworker);
        Changed();
        meeting.Answer(pia.Id, pia.Revision, coming: true, Now);
        Changed();
        meeting.NameSupportPerson("Sara", null, null, Today.AddYears(-20), Today, Emma);
        Changed();
        meeting.AddPartnerService(GivenConsent(), [EmmaParty], "Anne", "anne@example.dk", Caseworker, Now);
        Changed();
        Assert.Equal(1, meeting.ConsentEnded(PartnerService.HealthVisitors, Now));
        Changed();
        meeting.Move(Now.AddDays(20), Now.AddDays(20).AddHours(1), "Rådhuset", null, Caseworker, Now);
        Changed();
        meeting.Cancel(Caseworker, Now);
        Changed();

        Assert.Equal(stamps.Count, stamps.Distinct().Count());
    }

    [Fact]
    public void Moving_sets_the_new_time_and_place_and_a_move_into_the_past_changes_nothing()
    {
        var meeting = Meeting();

        meeting.Move(Now.AddDays(20), Now.AddDays(20).AddHours(2), null, "https://meet.example/abc", Caseworker, Now);

        Assert.Equal((Now.AddDays(20), Now.AddDays(20).AddHours(2), (string?)null, "https://meet.example/abc"), (meeting.StartsAt, meeting.EndsAt, meeting.Place, meeting.OnlineLink));
        Assert.Equal("Meeting.InThePast", Code(() => meeting.Move(Now.AddDays(-1), Now.AddDays(-1).AddHours(1), "Rådhuset", null, Caseworker, Now)));
        Assert.Equal((1, Now.AddDays(20)), (meeting.Sequence, meeting.StartsAt));
    }

    [Fact]
    public void The_young_person_decides_only_on_suggestions_from_the_network_still_standing()
    {
        var meeting = Meeting();
        var pia = meeting.AddProfessional("Pia", "Lærer", "pia@example.dk", Caseworker);
        var neighbour = meeting.SuggestFromNetwork("Lis", "nabo", null, null, null, Mother);
        meeting.Withdraw(neighbour.Id, Mother);

        Assert.Equal("Meeting.NothingToDecide", Code(() => meeting.Decide(pia.Id, yes: false, Emma)));
        Assert.Equal("Meeting.NothingToDecide", Code(() => meeting.Decide(neighbour.Id, yes: true, Emma)));
        Assert.True(pia.IsInvited);
        Assert.False(neighbour.IsInvited);
        var unknown = Assert.Throws<DomainException>(() => meeting.Decide(Guid.NewGuid(), yes: true, Emma));
        Assert.Equal(("Meeting.ParticipantNotFound", true), (unknown.Code, unknown.MeansNotFound));
    }

    [Fact]
    public void A_yes_from_the_young_person_invites_the_suggested_person()
    {
        var meeting = Meeting();
        var neighbour = meeting.SuggestFromNetwork("Lis", "nabo", null, null, null, Mother);

        meeting.Decide(neighbour.Id, yes: true, Emma);

        Assert.Equal(ParticipantDecision.Chosen, neighbour.Decision);
        Assert.True(neighbour.IsInvited);
    }

    [Fact]
    public void Staff_withdraw_professionals_and_partners_but_not_the_young_person_s_people()
    {
        var meeting = Meeting();
        var granny = meeting.SuggestFromNetwork("Mormor", null, null, null, null, Emma);
        var support = meeting.NameSupportPerson("Sara", null, null, Today.AddYears(-20), Today, Emma);
        var pia = meeting.AddProfessional("Pia", "Lærer", "pia@example.dk", Caseworker);
        var anne = meeting.AddPartnerService(GivenConsent(), [EmmaParty], "Anne", "anne@example.dk", Caseworker, Now);

        Assert.Equal("Meeting.NotYoursToWithdraw", Code(() => meeting.Withdraw(granny.Id, Caseworker)));
        Assert.Equal("Meeting.NotYoursToWithdraw", Code(() => meeting.Withdraw(support.Id, Caseworker)));
        Assert.Equal("Meeting.NotYoursToWithdraw", Code(() => meeting.Withdraw(pia.Id, Emma)));
        Assert.Equal("Meeting.NotYoursToWithdraw", Code(() => meeting.Withdraw(anne.Id, Emma)));
        Assert.Equal("Meeting.NotYoursToWithdraw", Code(() => meeting.Withdraw(pia.Id, Mother)));
        meeting.Withdraw(pia.Id, Caseworker);
        meeting.Withdraw(anne.Id, Caseworker);
        meeting.Withdraw(support.Id, Emma);

        Assert.Equal([true, false, false, false], new[] { granny, support, pia, anne }.Select(person => person.IsInvited));
    }

    [Fact]
    public void A_parent_edits_only_their_own_suggestion_and_nobody_edits_a_professional_or_a_withdrawn_one()
    {
        var meeting = Meeting();
        var granny = meeting.SuggestFromNetwork("Mormor", null, null, null, null, Emma);
        var pia = meeting.AddProfessional("Pia", "Lærer", "pia@example.dk", Caseworker);
        var neighbour = meeting.SuggestFromNetwork("Lis", "nabo", null, null, null, Mother);
        meeting.Withdraw(neighbour.Id, Mother);

        Assert.Equal("Meeting.NotYoursToEdit", Code(() => meeting.EditSuggestion(granny.Id, "Farmor", null, null, null, null, Mother)));
        Assert.Equal("Meeting.NotYoursToEdit", Code(() => meeting.EditSuggestion(pia.Id, "Pia Holm", null, null, null, null, Caseworker)));
        Assert.Equal("Meeting.NotYoursToEdit", Code(() => meeting.EditSuggestion(neighbour.Id, "Lis Berg", null, null, null, null, Mother)));
        Assert.Equal(("Mormor", "Pia", "Lis"), (granny.Name, pia.Name, neighbour.Name));
    }

    [Fact]
    public void Each_detail_of_a_person_is_checked_and_refused_by_name()
    {
        var meeting = Meeting();
        var lis = meeting.SuggestFromNetwork("Lis", null, null, null, null, Emma);
        var tooLong = new string('a', 501);

        Assert.Equal("Participant.Name.Required", Code(() => meeting.SuggestFromNetwork(" ", null, null, null, null, Emma)));
        Assert.Equal("Participant.Relation.TooLong", Code(() => meeting.SuggestFromNetwork("Lis", tooLong, null, null, null, Emma)));
        Assert.Equal("Participant.Phone.TooLong", Code(() => meeting.SuggestFromNetwork("Lis", null, null, tooLong, null, Emma)));
        Assert.Equal("Participant.Why.TooLong", Code(() => meeting.SuggestFromNetwork("Lis", null, null, null, tooLong + "a", Emma)));
        Assert.Equal("Participant.Relation.TooLong", Code(() => meeting.EditSuggestion(lis.Id, "Lis", tooLong, null, null, null, Emma)));
        Assert.Equal("Participant.Email.Invalid", Code(() => meeting.EditSuggestion(lis.Id, "Lis", null, "lis", null, null, Emma)));
        Assert.Equal("Participant.Phone.TooLong", Code(() => meeting.EditSuggestion(lis.Id, "Lis", null, null, tooLong, null, Emma)));
        Assert.Equal("Participant.Why.TooLong", Code(() => meeting.EditSuggestion(lis.Id, "Lis", null, null, null, tooLong + "a", Emma)));
        Assert.Equal("Participant.Name.Required", Code(() => meeting.NameSupportPerson(" ", null, null, Today.AddYears(-20), Today, Emma)));
        Assert.Equal("Participant.Email.Invalid", Code(() => meeting.NameSupportPerson("Sara", "sara", null, Today.AddYears(-20), Today, Emma)));
        Assert.Equal("Participant.Phone.TooLong", Code(() => meeting.NameSupportPerson("Sara", null, tooLong, Today.AddYears(-20), Today, Emma)));
        Assert.Equal("Participant.Name.Required", Code(() => meeting.AddProfessional(" ", "Lærer", "pia@example.dk", Caseworker)));
        Assert.Equal("Participant.Role.Required", Code(() => meeting.AddProfessional("Pia", " ", "pia@example.dk", Caseworker)));
        Assert.Equal("Participant.Email.Required", Code(() => meeting.AddProfessional("Pia", "Lærer", " ", Caseworker)));
        Assert.Equal("Participant.Name.Required", Code(() => meeting.AddPartnerService(GivenConsent(), [EmmaParty], " ", "anne@example.dk", Caseworker, Now)));
        Assert.Equal("Participant.Email.Required", Code(() => meeting.AddPartnerService(GivenConsent(), [EmmaParty], "Anne", null!, Caseworker, Now)));

        Assert.Equal(["Lis"], meeting.Participants.Select(person => person.Name));
    }

    [Fact]
    public void A_new_support_person_takes_the_place_of_the_one_before()
    {
        var meeting = Meeting();
        var granny = meeting.SuggestFromNetwork("Mormor", null, null, null, null, Emma);
        var sara = meeting.NameSupportPerson("Sara", "sara@example.dk", "12345678", Today.AddYears(-20), Today, Emma);

        var ida = meeting.NameSupportPerson("Ida", null, null, Today.AddYears(-15), Today, Emma);

        Assert.Equal(("Sara", "sara@example.dk", "12345678"), (sara.Name, sara.Email, sara.Phone));
        Assert.Equal([true, false, true], new[] { granny, sara, ida }.Select(person => person.IsInvited));
        Assert.Equal(ParticipantKind.SupportPerson, ida.Kind);
    }

    [Fact]
    public void An_answer_needs_the_current_link_and_records_a_no_as_not_coming()
    {
        var meeting = Meeting();
        var pia = meeting.AddProfessional("Pia", "Lærer", "pia@example.dk", Caseworker);
        var lis = meeting.SuggestFromNetwork("Lis", "nabo", "lis@example.dk", null, null, Mother);

        Assert.Equal("Meeting.AnswerLinkNoLongerValid", Code(() => meeting.Answer(pia.Id, pia.Revision + 1, true, Now)));
        Assert.Equal("Meeting.AnswerLinkNoLongerValid", Code(() => meeting.Answer(lis.Id, lis.Revision, true, Now)));
        Assert.Equal("Meeting.AnswerLinkNoLongerValid", Code(() => meeting.Answer(Guid.NewGuid(), 0, true, Now)));
        meeting.Answer(pia.Id, pia.Revision, coming: false, meeting.EndsAt.AddTicks(-1));

        Assert.Equal(ParticipantResponse.NotComing, pia.Response);
        Assert.Equal(ParticipantResponse.NoAnswer, lis.Response);
    }

    [Fact]
    public void A_consent_that_ends_takes_nobody_off_a_meeting_held_or_cancelled()
    {
        var held = Meeting();
        var heldPartner = held.AddPartnerService(GivenConsent(), [EmmaParty], "Anne", "anne@example.dk", Caseworker, Now);
        var cancelled = Meeting();
        var cancelledPartner = cancelled.AddPartnerService(GivenConsent(), [EmmaParty], "Anne", "anne@example.dk", Caseworker, Now);
        cancelled.Cancel(Caseworker, Now);
        var stamps = (held.ConcurrencyStamp, cancelled.ConcurrencyStamp);

        Assert.Equal(0, held.ConsentEnded(PartnerService.HealthVisitors, held.EndsAt));
        Assert.Equal(0, cancelled.ConsentEnded(PartnerService.HealthVisitors, Now));
        Assert.Equal(1, held.ConsentEnded(PartnerService.HealthVisitors, held.EndsAt.AddTicks(-1)));

        Assert.False(heldPartner.IsInvited);
        Assert.True(cancelledPartner.IsInvited);
        Assert.Equal(stamps.Item2, cancelled.ConcurrencyStamp);
        Assert.NotEqual(stamps.Item1, held.ConcurrencyStamp);
    }

    [Fact]
    public void A_consent_that_ends_with_no_partner_on_the_meeting_leaves_it_as_it_was()
    {
        var meeting = Meeting();
        meeting.AddProfessional("Pia", "Lærer", "pia@example.dk", Caseworker);
        var stamp = meeting.ConcurrencyStamp;

        Assert.Equal(0, meeting.ConsentEnded(PartnerService.HealthVisitors, Now));

        Assert.Equal(stamp, meeting.ConcurrencyStamp);
    }

    [Fact]
    public void A_partner_needs_a_consent_about_this_child()
    {
        var meeting = Meeting();
        var other = Consent.For(Guid.NewGuid(), PartnerService.HealthVisitors, ConsentPurpose.NetworkMeetings);

        Assert.Equal("Meeting.WrongConsent", Code(() => meeting.AddPartnerService(other, [EmmaParty], "Anne", "anne@example.dk", Caseworker, Now)));
    }

    private static Consent GivenConsent()
    {
        var consent = Consent.For(ChildId, PartnerService.HealthVisitors, ConsentPurpose.NetworkMeetings);
        consent.Give(EmmaParty, new ConsentWording("2026.1", "Sundhedsplejen må deltage i netværksmøder om Emma."), ConsentMethod.Portal, null, Now.AddDays(-1), 12, [EmmaParty]);
        return consent;
    }

    private static string Code(Action move) => Assert.Throws<DomainException>(move).Code;

    private static string Code(Func<object> move) => Assert.Throws<DomainException>(() => move()).Code;

    private static NetworkMeeting Meeting() =>
        NetworkMeeting.Schedule(ChildId, childHasOwnLogin: true, Now.AddDays(14), Now.AddDays(14).AddHours(1.5), "Familiehuset", null, "Vi taler om, hvordan det går i skolen", Caseworker, Now);
}
