using Portal.Domain.Consents;
using Portal.Domain.Meetings;

namespace Portal.Domain.Tests.Meetings;

public sealed class NetworkMeetingTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2027, 3, 1);
    private static readonly Actor Caseworker = new("cw", "Lars Holm", ActorRole.Caseworker);
    private static readonly Actor Emma = new("emma", "Emma Jensen", ActorRole.Youth);
    private static readonly Actor Mother = new("mother", "Sofie Jensen", ActorRole.Parent);
    private static readonly Guid ChildId = Guid.NewGuid();

    [Fact]
    public void The_young_person_s_own_suggestions_are_chosen_and_they_decide_on_everyone_else_s()
    {
        var meeting = Meeting();

        var granny = meeting.SuggestFromNetwork("Mormor", "bedstemor", null, null, "Hun lytter altid", Emma);
        var neighbour = meeting.SuggestFromNetwork("Lis", "nabo", null, null, null, Mother);
        Assert.True(granny.IsInvited);
        Assert.Equal(ParticipantDecision.AwaitingYoungPerson, neighbour.Decision);

        meeting.Decide(neighbour.Id, yes: false, Emma);

        Assert.Equal(ParticipantDecision.DeclinedByYoungPerson, neighbour.Decision);
        Assert.False(neighbour.IsInvited);
        Assert.Equal("Meeting.OnlyTheYoungPersonDecides", Assert.Throws<DomainException>(() => meeting.Decide(neighbour.Id, yes: true, Mother)).Code);
    }

    [Fact]
    public void Without_their_own_login_the_custody_holders_suggestions_stand()
    {
        var meeting = NetworkMeeting.Schedule(ChildId, childHasOwnLogin: false, Now.AddDays(14), Now.AddDays(14).AddHours(1), "Familiehuset", null, "Vi taler om skolestart", Caseworker, Now);

        Assert.True(meeting.SuggestFromNetwork("Farmor", "bedstemor", null, null, null, Mother).IsInvited);
    }

    [Fact]
    public void Once_the_child_has_their_own_login_a_parent_s_suggestion_waits_for_their_answer()
    {
        var meeting = NetworkMeeting.Schedule(ChildId, childHasOwnLogin: false, Now.AddDays(14), Now.AddDays(14).AddHours(1), "Familiehuset", null, "Vi taler om skolestart", Caseworker, Now);

        meeting.NoteChildHasOwnLogin();

        Assert.Equal(ParticipantDecision.AwaitingYoungPerson, meeting.SuggestFromNetwork("Farmor", "farmor", null, null, null, Mother).Decision);
    }

    [Fact]
    public void A_support_person_must_be_15_and_needs_nobody_s_approval()
    {
        var meeting = Meeting();

        Assert.Equal("Meeting.SupportPersonTooYoung", Assert.Throws<DomainException>(() => meeting.NameSupportPerson("Ven", null, null, Today.AddYears(-15).AddDays(1), Today, Emma)).Code);
        var support = meeting.NameSupportPerson("Sara", "sara@example.dk", null, Today.AddYears(-15), Today, Emma);

        Assert.True(support.IsInvited);
        Assert.Equal("Meeting.OnlyTheYoungPersonChoosesSupport", Assert.Throws<DomainException>(() => meeting.NameSupportPerson("Ven", null, null, Today.AddYears(-40), Today, Mother)).Code);
    }

    [Fact]
    public void A_partner_service_joins_only_with_a_valid_consent_for_network_meetings_at_that_moment()
    {
        var meeting = Meeting();
        var emmaParty = new Party("emma", "Emma Jensen", ActorRole.Youth);
        var consent = Consent.For(ChildId, PartnerService.HealthVisitors, ConsentPurpose.NetworkMeetings);
        var wording = new ConsentWording("2026.1", "Sundhedsplejen må deltage i netværksmøder om Emma.");

        Assert.Equal("Consent.NotValid", Assert.Throws<DomainException>(() => meeting.AddPartnerService(consent, [emmaParty], "Sundhedsplejerske Anne", "anne@example.dk", Caseworker, Now)).Code);
        consent.Give(emmaParty, wording, ConsentMethod.Portal, null, Now, 12, [emmaParty]);
        var partner = meeting.AddPartnerService(consent, [emmaParty], "Sundhedsplejerske Anne", "anne@example.dk", Caseworker, Now.AddMinutes(1));

        Assert.Equal(PartnerService.HealthVisitors, partner.Partner);
        var exchange = Consent.For(ChildId, PartnerService.HealthVisitors, ConsentPurpose.InformationExchange);
        Assert.Equal("Meeting.WrongConsent", Assert.Throws<DomainException>(() => meeting.AddPartnerService(exchange, [emmaParty], "Anne", "anne@example.dk", Caseworker, Now)).Code);
    }

    [Fact]
    public void When_the_consent_ends_the_partner_service_is_taken_off_and_gets_a_cancellation()
    {
        var meeting = Meeting();
        var emmaParty = new Party("emma", "Emma Jensen", ActorRole.Youth);
        var consent = Consent.For(ChildId, PartnerService.HealthVisitors, ConsentPurpose.NetworkMeetings);
        consent.Give(emmaParty, new ConsentWording("2026.1", "Sundhedsplejen må deltage i netværksmøder om Emma."), ConsentMethod.Portal, null, Now, 12, [emmaParty]);
        var partner = meeting.AddPartnerService(consent, [emmaParty], "Sundhedsplejerske Anne", "anne@example.dk", Caseworker, Now);
        meeting.AddProfessional("Pia Holm", "Klasselærer", "pia@example.dk", Caseworker);
        Queue(meeting.DueNotices());

        Assert.Equal(0, meeting.ConsentEnded(PartnerService.OpenCounselling, Now));
        Assert.Equal(1, meeting.ConsentEnded(PartnerService.HealthVisitors, Now));

        Assert.False(partner.IsInvited);
        var notice = Assert.Single(meeting.DueNotices());
        Assert.Equal((partner.Id, CalendarNotice.Cancellation), (notice.Participant.Id, notice.Notice));
    }

    [Fact]
    public void Moving_and_cancelling_raise_the_sequence_and_a_cancelled_meeting_stays_cancelled()
    {
        var meeting = Meeting();
        Assert.Equal(0, meeting.Sequence);

        meeting.Move(Now.AddDays(21), Now.AddDays(21).AddHours(1), null, "https://meet.example/abc", Caseworker, Now);
        meeting.Cancel(Caseworker, Now);

        Assert.Equal(2, meeting.Sequence);
        Assert.True(meeting.IsCancelled);
        Assert.Equal("Meeting.Cancelled", Assert.Throws<DomainException>(() => meeting.Move(Now.AddDays(30), Now.AddDays(30).AddHours(1), "Rådhuset", null, Caseworker, Now)).Code);
    }

    [Fact]
    public void A_meeting_needs_a_future_time_an_end_after_the_start_and_a_place_or_a_link()
    {
        Assert.Equal("Meeting.InThePast", Assert.Throws<DomainException>(() => NetworkMeeting.Schedule(ChildId, true, Now.AddMinutes(-1), Now.AddHours(1), "Rådhuset", null, "Møde", Caseworker, Now)).Code);
        Assert.Equal("Meeting.EndsBeforeItStarts", Assert.Throws<DomainException>(() => NetworkMeeting.Schedule(ChildId, true, Now.AddDays(1), Now.AddDays(1), "Rådhuset", null, "Møde", Caseworker, Now)).Code);
        Assert.Equal("Meeting.PlaceOrLinkRequired", Assert.Throws<DomainException>(() => NetworkMeeting.Schedule(ChildId, true, Now.AddDays(1), Now.AddDays(1).AddHours(1), " ", null, "Møde", Caseworker, Now)).Code);
        Assert.Equal("Meeting.OnlyStaffSchedule", Assert.Throws<DomainException>(() => NetworkMeeting.Schedule(ChildId, true, Now.AddDays(1), Now.AddDays(1).AddHours(1), "Rådhuset", null, "Møde", Mother, Now)).Code);
    }

    [Fact]
    public void Only_the_suggester_or_the_young_person_withdraws_a_suggestion()
    {
        var meeting = Meeting();
        var coach = meeting.SuggestFromNetwork("Jonas", "fodboldtræner", null, null, null, Emma);

        Assert.Equal("Meeting.NotYoursToWithdraw", Assert.Throws<DomainException>(() => meeting.Withdraw(coach.Id, Mother)).Code);
        meeting.Withdraw(coach.Id, Emma);

        Assert.False(coach.IsInvited);
    }

    [Fact]
    public void Invitations_go_once_per_version_and_only_to_people_who_are_invited_and_have_an_email()
    {
        var meeting = Meeting();
        var granny = meeting.SuggestFromNetwork("Mormor", "bedstemor", "mormor@example.dk", null, null, Emma);
        meeting.SuggestFromNetwork("Lis", "nabo", "lis@example.dk", null, null, Mother);
        meeting.SuggestFromNetwork("Jonas", "træner", null, "12345678", null, Emma);

        var first = meeting.DueNotices();
        Assert.Equal([("Mormor", CalendarNotice.Invitation, 0)], first.Select(notice => (notice.Participant.Name, notice.Notice, notice.Sequence)));
        Queue(first);
        Assert.Empty(meeting.DueNotices());

        meeting.Move(Now.AddDays(15), Now.AddDays(15).AddHours(1), "Familiehuset", null, Caseworker, Now);
        var update = Assert.Single(meeting.DueNotices());
        Assert.Equal((granny.Id, CalendarNotice.Invitation, 1), (update.Participant.Id, update.Notice, update.Sequence));
    }

    [Fact]
    public void Someone_removed_after_their_invitation_gets_a_cancellation_that_outranks_it_and_someone_declined_gets_nothing()
    {
        var meeting = Meeting();
        var coach = meeting.SuggestFromNetwork("Jonas", "træner", "jonas@example.dk", null, null, Emma);
        var uncle = meeting.SuggestFromNetwork("Onkel Bo", "onkel", "bo@example.dk", null, null, Mother);
        Queue(meeting.DueNotices());

        meeting.Withdraw(coach.Id, Emma);
        meeting.Decide(uncle.Id, yes: false, Emma);

        var cancellation = Assert.Single(meeting.DueNotices());
        Assert.Equal((coach.Id, CalendarNotice.Cancellation, 1), (cancellation.Participant.Id, cancellation.Notice, cancellation.Sequence));
        Queue([cancellation]);
        Assert.Empty(meeting.DueNotices());
    }

    [Fact]
    public void Cancelling_the_meeting_sends_a_cancellation_to_everyone_who_had_an_invitation()
    {
        var meeting = Meeting();
        meeting.AddProfessional("Pia Holm", "Klasselærer", "pia@example.dk", Caseworker);
        Queue(meeting.DueNotices());
        meeting.SuggestFromNetwork("Mormor", "bedstemor", "mormor@example.dk", null, null, Emma);

        meeting.Cancel(Caseworker, Now);

        var notice = Assert.Single(meeting.DueNotices());
        Assert.Equal(("Pia Holm", CalendarNotice.Cancellation, 1), (notice.Participant.Name, notice.Notice, notice.Sequence));
    }

    [Fact]
    public void An_invitee_answers_through_their_link_until_they_are_removed_or_the_meeting_is_held()
    {
        var meeting = Meeting();
        var pia = meeting.AddProfessional("Pia Holm", "Klasselærer", "pia@example.dk", Caseworker);

        meeting.Answer(pia.Id, pia.Revision, coming: true, Now);
        Assert.Equal(ParticipantResponse.Coming, pia.Response);

        Assert.Equal("Meeting.AlreadyHeld", Assert.Throws<DomainException>(() => meeting.Answer(pia.Id, pia.Revision, coming: false, meeting.EndsAt)).Code);
        var oldRevision = pia.Revision;
        meeting.Withdraw(pia.Id, Caseworker);
        Assert.Equal("Meeting.AnswerLinkNoLongerValid", Assert.Throws<DomainException>(() => meeting.Answer(pia.Id, oldRevision, coming: true, Now)).Code);
        Assert.Equal(ParticipantResponse.NoAnswer, pia.Response);
    }

    [Fact]
    public void The_suggester_or_the_young_person_edits_a_suggestion_and_nobody_else()
    {
        var meeting = Meeting();
        var neighbour = meeting.SuggestFromNetwork("Lis", "nabo", null, null, null, Mother);

        meeting.EditSuggestion(neighbour.Id, "Lis Berg", "nabo", "lis@example.dk", null, "Emma passer hendes hund", Emma);

        Assert.Equal(("Lis Berg", "lis@example.dk", ParticipantDecision.AwaitingYoungPerson), (neighbour.Name, neighbour.Email, neighbour.Decision));
        var father = new Actor("father", "Anders Jensen", ActorRole.Parent);
        Assert.Equal("Meeting.NotYoursToEdit", Assert.Throws<DomainException>(() => meeting.EditSuggestion(neighbour.Id, "X", null, null, null, null, father)).Code);
        Assert.Equal("Participant.Name.TooLong", Assert.Throws<DomainException>(() => meeting.EditSuggestion(neighbour.Id, new string('a', 101), null, null, null, null, Mother)).Code);
    }

    private static void Queue(IEnumerable<DueNotice> notices)
    {
        foreach (var notice in notices)
        {
            NetworkMeeting.MarkQueued(notice);
        }
    }

    [Fact]
    public void A_suggestion_whose_address_mail_cannot_carry_is_refused_and_nothing_is_added()
    {
        var meeting = Meeting();

        var refused = Assert.Throws<DomainException>(() => meeting.SuggestFromNetwork("Moster Hanne", "moster", "x<script>@example.com", phone: null, why: null, Emma));

        Assert.Equal("Participant.Email.Invalid", refused.Code);
        Assert.Empty(meeting.Participants);
    }

    private static NetworkMeeting Meeting() =>
        NetworkMeeting.Schedule(ChildId, childHasOwnLogin: true, Now.AddDays(14), Now.AddDays(14).AddHours(1.5), "Familiehuset", null, "Vi taler om, hvordan det går i skolen", Caseworker, Now);
}
