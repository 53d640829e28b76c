using Portal.Domain.Counselling;

namespace Portal.Domain.Tests.Counselling;

/// <summary>The edges of an offer's times, what each answer does to the line, and that every change renews the stamp.</summary>
public sealed class CounsellingRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly string Hash = new('a', CounsellingRequest.TicketHashLength);

    [Fact]
    public void An_offer_starts_after_now_and_its_deadline_lies_after_now_and_no_later_than_the_start()
    {
        var starts = Now.AddDays(7);

        Assert.Equal("Counselling.OfferTimesInvalid", OfferCode(startsAt: Now, answerBy: Now.AddTicks(-1)));
        Assert.Equal("Counselling.OfferTimesInvalid", OfferCode(startsAt: starts, answerBy: Now));
        Assert.Equal("Counselling.OfferTimesInvalid", OfferCode(startsAt: starts, answerBy: starts.AddTicks(1)));
        Assert.Equal("Counselling.OfferTimesInvalid", OfferCode(startsAt: Now, answerBy: Now.AddDays(1)));

        var request = Line(1)[0];
        request.Offer([request], starts, "Familiehuset", online: false, "Mette", answerBy: starts, Now);

        Assert.Equal((RequestState.Offered, starts, starts, Now, "Familiehuset", "Mette"), (request.State, request.OfferStartsAt, request.AnswerBy, request.OfferedAt, request.OfferPlace, request.CounsellorFirstName));
    }

    [Fact]
    public void An_offer_may_start_one_moment_from_now_with_a_deadline_just_before()
    {
        var request = Line(1)[0];

        request.Offer([request], Now.AddTicks(2), null, online: true, "Mette", Now.AddTicks(1), Now);

        Assert.Equal(RequestState.Offered, request.State);
    }

    [Fact]
    public void An_offer_names_the_counsellor_by_first_name_and_says_where()
    {
        var request = Line(1)[0];

        Assert.Equal("Counselling.FirstName.Required", Assert.Throws<DomainException>(() => request.Offer([request], Now.AddDays(7), "Familiehuset", false, " ", Now.AddDays(3), Now)).Code);
        Assert.Equal("Counselling.Place.TooLong", Assert.Throws<DomainException>(() => request.Offer([request], Now.AddDays(7), new string('a', 201), false, "Mette", Now.AddDays(3), Now)).Code);
        Assert.Equal(RequestState.Waiting, request.State);
    }

    [Fact]
    public void An_offer_is_accepted_until_its_deadline_and_not_at_it()
    {
        var line = Line(2);
        Offer(line[0], line);
        Offer(line[1], line, first: false);

        Assert.Equal("Counselling.OfferLapsed", Assert.Throws<DomainException>(() => line[0].AcceptOffer(Now.AddDays(3))).Code);
        Assert.Equal("Counselling.OfferLapsed", Assert.Throws<DomainException>(() => line[0].LetOfferPass(Now.AddDays(3), backOfLine: 3)).Code);
        line[1].AcceptOffer(Now.AddDays(3).AddTicks(-1));

        Assert.Equal((RequestState.Offered, RequestState.Accepted), (line[0].State, line[1].State));
        Assert.Equal("Counselling.NoOpenOffer", Assert.Throws<DomainException>(() => line[1].AcceptOffer(Now)).Code);
    }

    [Fact]
    public void Letting_an_offer_pass_forgets_the_offer()
    {
        var line = Line(1);
        line[0].Offer(line, Now.AddDays(7), null, online: true, "Mette", Now.AddDays(3), Now);

        line[0].LetOfferPass(Now.AddHours(1), backOfLine: 2);

        Assert.Equal((RequestState.Waiting, false, (string?)null, (string?)null), (line[0].State, line[0].OfferOnline, line[0].OfferPlace, line[0].CounsellorFirstName));
        Assert.Equal(((DateTimeOffset?)null, (DateTimeOffset?)null, (DateTimeOffset?)null), (line[0].OfferStartsAt, line[0].AnswerBy, line[0].OfferedAt));
        Assert.Equal("Counselling.NoOpenOffer", Assert.Throws<DomainException>(() => line[0].LetOfferPass(Now.AddHours(2), backOfLine: 2)).Code);
    }

    [Fact]
    public void Every_change_renews_the_stamp()
    {
        var line = Line(2, email: "mig@example.dk");
        var request = line[0];
        var stamps = new List<string> { request.ConcurrencyStamp };

        Offer(request, line);
        stamps.Add(request.ConcurrencyStamp);
        request.LetOfferPass(Now.AddHours(1), backOfLine: 3);
        stamps.Add(request.ConcurrencyStamp);
        Offer(request, line);
        stamps.Add(request.ConcurrencyStamp);
        request.AcceptOffer(Now.AddHours(2));
        stamps.Add(request.ConcurrencyStamp);
        request.RemoveEmail();
        stamps.Add(request.ConcurrencyStamp);
        request.Close(Outcome.CounsellingHeld, Now.AddDays(7));
        stamps.Add(request.ConcurrencyStamp);
        var other = line[1].ConcurrencyStamp;
        line[1].Withdraw(Now);
        Assert.NotEqual(other, line[1].ConcurrencyStamp);

        Assert.Equal(stamps.Count, stamps.Distinct().Count());
        Assert.All(stamps, stamp => Assert.Matches("^[0-9a-f]{32}$", stamp));
        Assert.Null(request.NoticeEmail);
    }

    [Fact]
    public void A_lapsed_offer_renews_the_stamp_and_one_still_open_is_left_alone()
    {
        var line = Line(1);
        Offer(line[0], line);
        var stamp = line[0].ConcurrencyStamp;

        Assert.False(line[0].LapseIfUnanswered(Now.AddHours(1), backOfLine: 2));
        Assert.Equal(stamp, line[0].ConcurrencyStamp);
        Assert.True(line[0].LapseIfUnanswered(Now.AddDays(4), backOfLine: 2));

        Assert.NotEqual(stamp, line[0].ConcurrencyStamp);
        Assert.False(line[0].LapseIfUnanswered(Now.AddDays(5), backOfLine: 2));
    }

    [Fact]
    public void Only_an_offered_or_accepted_request_is_closed_and_only_with_a_known_outcome()
    {
        var line = Line(1);

        Assert.Equal("Counselling.NothingToClose", Assert.Throws<DomainException>(() => line[0].Close(Outcome.CounsellingHeld, Now)).Code);
        Offer(line[0], line);
        Assert.Equal("Counselling.UnknownChoice", Assert.Throws<DomainException>(() => line[0].Close((Outcome)99, Now)).Code);
        line[0].Close(Outcome.DidNotCome, Now.AddDays(1));

        Assert.Equal((RequestState.Closed, Outcome.DidNotCome, Now.AddDays(1)), (line[0].State, line[0].Outcome, line[0].ClosedAt));
        Assert.False(line[0].IsOpen);
    }

    [Fact]
    public void Asking_keeps_the_choices_and_refuses_unknown_ones_and_an_impossible_address()
    {
        var request = CounsellingRequest.Ask(7, 9, Hash, Asker.Parent, Topic.Divorce, CounsellingForm.Group, " Vi skændes meget ", " mig@example.dk ", Now);

        Assert.Equal((7L, 9L, Hash, Asker.Parent, Topic.Divorce, CounsellingForm.Group), (request.QueueNumber, request.LinePosition, request.TicketHash, request.Asker, request.Topic, request.Form));
        Assert.Equal(("Vi skændes meget", "mig@example.dk", Now, RequestState.Waiting), (request.Message, request.NoticeEmail, request.AskedAt, request.State));
        Assert.Equal("Counselling.UnknownChoice", Assert.Throws<DomainException>(() => CounsellingRequest.Ask(1, 1, Hash, (Asker)9, null, null, null, null, Now)).Code);
        Assert.Equal("Counselling.UnknownChoice", Assert.Throws<DomainException>(() => CounsellingRequest.Ask(1, 1, Hash, null, (Topic)9, null, null, null, Now)).Code);
        Assert.Equal("Counselling.UnknownChoice", Assert.Throws<DomainException>(() => CounsellingRequest.Ask(1, 1, Hash, null, null, (CounsellingForm)9, null, null, Now)).Code);
        Assert.Equal("Counselling.Email.Invalid", Assert.Throws<DomainException>(() => CounsellingRequest.Ask(1, 1, Hash, null, null, null, null, "mig", Now)).Code);
        Assert.Equal("Counselling.Email.Invalid", Assert.Throws<DomainException>(() => CounsellingRequest.Check(null, null, null, null, "mig")).Code);
        Assert.Equal("Counselling.Message.TooLong", Assert.Throws<DomainException>(() => CounsellingRequest.Check(null, null, null, new string('x', 1001), null)).Code);
    }

    [Fact]
    public void A_request_is_kept_only_by_the_hash_of_its_ticket_never_the_ticket_itself()
    {
        Assert.Throws<ArgumentException>(() => CounsellingRequest.Ask(1, 1, "ABCD-EFGH", null, null, null, null, null, Now));
        Assert.Throws<ArgumentException>(() => CounsellingRequest.Ask(1, 1, Hash + "a", null, null, null, null, null, Now));
    }

    private static string OfferCode(DateTimeOffset startsAt, DateTimeOffset answerBy)
    {
        var request = Line(1)[0];
        var code = Assert.Throws<DomainException>(() => request.Offer([request], startsAt, null, online: true, "Mette", answerBy, Now)).Code;
        Assert.Equal(RequestState.Waiting, request.State);
        return code;
    }

    private static List<CounsellingRequest> Line(int count, string? email = null) =>
        [.. Enumerable.Range(1, count).Select(number => CounsellingRequest.Ask(number, number, Hash, Asker.Youth, Topic.Grief, CounsellingForm.Either, null, email, Now.AddMinutes(number)))];

    private static void Offer(CounsellingRequest request, List<CounsellingRequest> line, bool first = true) =>
        request.Offer(first ? line : [request], Now.AddDays(7), "Familiehuset", online: false, "Mette", Now.AddDays(3), Now);
}
