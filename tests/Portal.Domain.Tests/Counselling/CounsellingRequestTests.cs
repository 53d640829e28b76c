using Portal.Domain.Counselling;

namespace Portal.Domain.Tests.Counselling;

public sealed class CounsellingRequestTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly string Hash = new('a', CounsellingRequest.TicketHashLength);

    [Fact]
    public void Nothing_is_required_to_ask()
    {
        var request = CounsellingRequest.Ask(1, 1, Hash, null, null, null, "  ", null, Now);

        Assert.Equal((RequestState.Waiting, null, null), (request.State, request.Message, request.NoticeEmail));
    }

    [Fact]
    public void An_offer_can_only_go_to_the_first_in_line()
    {
        var line = Line(3);

        var error = Assert.Throws<DomainException>(() => Offer(line[1], line));

        Assert.Equal("Counselling.NotNextInLine", error.Code);
        Assert.Same(line[0], CounsellingRequest.NextInLine(line));
    }

    [Fact]
    public void Letting_an_offer_pass_keeps_the_place_at_the_front_once_then_goes_to_the_back()
    {
        var line = Line(3);

        Offer(line[0], line);
        line[0].LetOfferPass(Now.AddHours(1), backOfLine: 4);
        Assert.Same(line[0], CounsellingRequest.NextInLine(line));

        Offer(line[0], line);
        line[0].LetOfferPass(Now.AddHours(2), backOfLine: 4);
        Assert.Same(line[1], CounsellingRequest.NextInLine(line));
        Assert.Equal(4, line[0].LinePosition);
        Assert.Equal(1, line[0].QueueNumber);
    }

    [Fact]
    public void An_unanswered_offer_lapses_at_the_deadline_like_letting_it_pass()
    {
        var line = Line(2);
        Offer(line[0], line);

        Assert.False(line[0].LapseIfUnanswered(Now.AddDays(3).AddSeconds(-1), 3));
        Assert.True(line[0].LapseIfUnanswered(Now.AddDays(3), 3));

        Assert.Equal(RequestState.Waiting, line[0].State);
        Assert.Equal("Counselling.NoOpenOffer", Assert.Throws<DomainException>(() => line[0].AcceptOffer(Now.AddDays(3))).Code);
    }

    [Fact]
    public void An_accepted_offer_is_closed_with_an_outcome_and_the_email_is_deleted()
    {
        var line = Line(1, email: "mig@example.dk");
        Offer(line[0], line);
        line[0].AcceptOffer(Now.AddHours(1));

        line[0].Close(Outcome.CounsellingHeld, Now.AddDays(7));

        Assert.Equal((RequestState.Closed, Outcome.CounsellingHeld, null), (line[0].State, line[0].Outcome, line[0].NoticeEmail));
        Assert.False(line[0].IsDueForDeletion(Now.AddDays(36), TimeSpan.FromDays(30)));
        Assert.True(line[0].IsDueForDeletion(Now.AddDays(37), TimeSpan.FromDays(30)));
    }

    [Fact]
    public void Withdrawing_leaves_the_line_and_removes_the_email()
    {
        var line = Line(2, email: "mig@example.dk");

        line[0].Withdraw(Now);

        Assert.Null(line[0].NoticeEmail);
        Assert.Same(line[1], CounsellingRequest.NextInLine(line));
        Assert.Equal("Counselling.AlreadyClosed", Assert.Throws<DomainException>(() => line[0].Withdraw(Now)).Code);
    }

    [Fact]
    public void An_offer_needs_a_place_unless_online_and_a_deadline_before_it_starts()
    {
        var line = Line(1);

        Assert.Equal("Counselling.Place.Required", Assert.Throws<DomainException>(() => line[0].Offer(line, Now.AddDays(7), null, false, "Mette", Now.AddDays(3), Now)).Code);
        Assert.Equal("Counselling.OfferTimesInvalid", Assert.Throws<DomainException>(() => line[0].Offer(line, Now.AddDays(2), null, true, "Mette", Now.AddDays(3), Now)).Code);
        line[0].Offer(line, Now.AddDays(7), null, online: true, "Mette", Now.AddDays(3), Now);
        Assert.True(line[0].OfferOnline);
    }

    [Fact]
    public void An_overlong_message_is_refused()
    {
        Assert.Equal("Counselling.Message.TooLong", Assert.Throws<DomainException>(() => CounsellingRequest.Ask(1, 1, Hash, null, null, null, new string('x', CounsellingRequest.MessageMaxLength + 1), null, Now)).Code);
    }

    private static List<CounsellingRequest> Line(int count, string? email = null) =>
        [.. Enumerable.Range(1, count).Select(number => CounsellingRequest.Ask(number, number, Hash, Asker.Youth, Topic.Grief, CounsellingForm.Either, null, email, Now.AddMinutes(number)))];

    private static void Offer(CounsellingRequest request, List<CounsellingRequest> line) =>
        request.Offer(line, Now.AddDays(7), "Familiehuset", online: false, "Mette", Now.AddDays(3), Now);
}
