namespace Portal.Domain.Counselling;

/// <summary>
/// An anonymous request for counselling: one place in the queue. Nothing in it is required and nothing identifies the
/// person (Barnets lov §§ 28-29). Offers go strictly in line order; a person who lets an offer pass keeps their place at
/// the front once, and goes to the back of the line the next time.
/// </summary>
public sealed class CounsellingRequest
{
    public const int MessageMaxLength = 1000;
    public const int EmailMaxLength = 254;
    public const int PlaceMaxLength = 200;
    public const int FirstNameMaxLength = 50;
    public const int TicketHashLength = 64;

    private CounsellingRequest(long queueNumber, long linePosition, string ticketHash, Asker? asker, Topic? topic, CounsellingForm? form, string? message, string? noticeEmail, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        QueueNumber = queueNumber;
        LinePosition = linePosition;
        TicketHash = ticketHash;
        Asker = asker;
        Topic = topic;
        Form = form;
        Message = message;
        NoticeEmail = noticeEmail;
        AskedAt = now;
        State = RequestState.Waiting;
        FrontOfLinePassesLeft = 1;
        ConcurrencyStamp = NewStamp();
    }

    // Stryker disable once all : EF Core's constructor; EF Core sets every property from the row it reads.
    private CounsellingRequest()
    {
        TicketHash = ConcurrencyStamp = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>The number given on arrival: 1, 2, 3… without gaps or repeats.</summary>
    public long QueueNumber { get; private set; }

    /// <summary>The order offers follow. Equal to arrival order, until someone lets offers pass twice.</summary>
    public long LinePosition { get; private set; }

    /// <summary>SHA-256 of the ticket code. The code itself is never stored.</summary>
    public string TicketHash { get; private set; }

    public Asker? Asker { get; private set; }

    public Topic? Topic { get; private set; }

    public CounsellingForm? Form { get; private set; }

    public string? Message { get; private set; }

    /// <summary>Only for a notice when an offer comes; removed whenever the person wants, and when the request closes.</summary>
    public string? NoticeEmail { get; private set; }

    public DateTimeOffset AskedAt { get; private set; }

    public RequestState State { get; private set; }

    public int FrontOfLinePassesLeft { get; private set; }

    public DateTimeOffset? OfferedAt { get; private set; }

    public DateTimeOffset? OfferStartsAt { get; private set; }

    /// <summary>Where, or null when online.</summary>
    public string? OfferPlace { get; private set; }

    public bool OfferOnline { get; private set; }

    public string? CounsellorFirstName { get; private set; }

    public DateTimeOffset? AnswerBy { get; private set; }

    public Outcome? Outcome { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public string ConcurrencyStamp { get; private set; }

    public bool IsOpen => State is RequestState.Waiting or RequestState.Offered or RequestState.Accepted;

    /// <param name="queueNumber">The next arrival number, taken inside the same write as this request.</param>
    /// <param name="linePosition">The next line position, taken the same way.</param>
    public static CounsellingRequest Ask(long queueNumber, long linePosition, string ticketHash, Asker? asker, Topic? topic, CounsellingForm? form, string? message, string? noticeEmail, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(queueNumber, 1);
        if (ticketHash is not { Length: TicketHashLength })
        {
            // Stryker disable once String : the message of a guard against a programming error, never shown to a user.
            throw new ArgumentException("A SHA-256 hash in hex is required.", nameof(ticketHash));
        }

        var (cleanMessage, cleanEmail) = Checked(asker, topic, form, message, noticeEmail);
        return new CounsellingRequest(queueNumber, linePosition, ticketHash, asker, topic, form, cleanMessage, cleanEmail, now);
    }

    /// <summary>Throws for what <see cref="Ask"/> would refuse, so a caller can check before taking a number.</summary>
    public static void Check(Asker? asker, Topic? topic, CounsellingForm? form, string? message, string? noticeEmail) =>
        Checked(asker, topic, form, message, noticeEmail);

    private static (string? Message, string? NoticeEmail) Checked(Asker? asker, Topic? topic, CounsellingForm? form, string? message, string? noticeEmail)
    {
        if ((asker is { } a && !Enum.IsDefined(a)) || (topic is { } t && !Enum.IsDefined(t)) || (form is { } f && !Enum.IsDefined(f)))
        {
            throw new DomainException("Counselling.UnknownChoice");
        }

        return (Text.Optional(message, MessageMaxLength, "Counselling.Message"), EmailAddress.Optional(noticeEmail, "Counselling.Email"));
    }

    /// <summary>The first in line among the waiting: the only one an offer can go to.</summary>
    public static CounsellingRequest? NextInLine(IEnumerable<CounsellingRequest> requests) =>
        requests.Where(request => request.State == RequestState.Waiting).MinBy(request => request.LinePosition);

    /// <summary>
    /// Makes an offer. Only the first in line can get one; use <see cref="NextInLine"/> to find it. Returns the record
    /// that the line moved, to be saved with it.
    /// </summary>
    public OfferMade Offer(IEnumerable<CounsellingRequest> everyone, DateTimeOffset startsAt, string? place, bool online, string counsellorFirstName, DateTimeOffset answerBy, DateTimeOffset now)
    {
        if (NextInLine(everyone) != this)
        {
            throw new DomainException("Counselling.NotNextInLine");
        }

        // A deadline after now and no later than the start puts the start after now too.
        if (answerBy <= now || answerBy > startsAt)
        {
            throw new DomainException("Counselling.OfferTimesInvalid");
        }

        OfferPlace = online ? null : Text.Required(place, PlaceMaxLength, "Counselling.Place");
        CounsellorFirstName = Text.Required(counsellorFirstName, FirstNameMaxLength, "Counselling.FirstName");
        OfferOnline = online;
        OfferStartsAt = startsAt;
        AnswerBy = answerBy;
        OfferedAt = now;
        State = RequestState.Offered;
        Touch();
        return new OfferMade(now);
    }

    public void AcceptOffer(DateTimeOffset now)
    {
        RequireOpenOffer(now);
        State = RequestState.Accepted;
        Touch();
    }

    /// <summary>"Not this time": back to waiting, at the front once, at the back of the line after that.</summary>
    public void LetOfferPass(DateTimeOffset now, long backOfLine)
    {
        RequireOpenOffer(now);
        ReturnToLine(backOfLine);
    }

    /// <summary>An offer nobody answered in time counts as letting it pass.</summary>
    public bool LapseIfUnanswered(DateTimeOffset now, long backOfLine)
    {
        if (State != RequestState.Offered || now < AnswerBy)
        {
            return false;
        }

        ReturnToLine(backOfLine);
        return true;
    }

    /// <summary>"I no longer need it", or withdrawing the request: it leaves the line, and the email goes.</summary>
    public void Withdraw(DateTimeOffset now)
    {
        if (!IsOpen)
        {
            throw new DomainException("Counselling.AlreadyClosed");
        }

        State = RequestState.Withdrawn;
        ClosedAt = now;
        NoticeEmail = null;
        Touch();
    }

    public void RemoveEmail()
    {
        NoticeEmail = null;
        Touch();
    }

    /// <summary>The counsellor records how it ended. The email address is deleted with it.</summary>
    public void Close(Outcome outcome, DateTimeOffset now)
    {
        if (!Enum.IsDefined(outcome))
        {
            throw new DomainException("Counselling.UnknownChoice");
        }

        if (State is not (RequestState.Offered or RequestState.Accepted))
        {
            throw new DomainException("Counselling.NothingToClose");
        }

        Outcome = outcome;
        State = RequestState.Closed;
        ClosedAt = now;
        NoticeEmail = null;
        Touch();
    }

    /// <summary>Closed and withdrawn requests are deleted for good once the retention period has passed.</summary>
    public bool IsDueForDeletion(DateTimeOffset now, TimeSpan retention) => ClosedAt is { } closed && now - closed >= retention;

    private void RequireOpenOffer(DateTimeOffset now)
    {
        if (State != RequestState.Offered)
        {
            throw new DomainException("Counselling.NoOpenOffer");
        }

        if (now >= AnswerBy)
        {
            throw new DomainException("Counselling.OfferLapsed");
        }
    }

    private void ReturnToLine(long backOfLine)
    {
        if (FrontOfLinePassesLeft > 0)
        {
            FrontOfLinePassesLeft--;
        }
        else
        {
            LinePosition = backOfLine;
        }

        State = RequestState.Waiting;
        OfferedAt = OfferStartsAt = AnswerBy = null;
        OfferPlace = CounsellorFirstName = null;
        OfferOnline = false;
        Touch();
    }

    private void Touch() => ConcurrencyStamp = NewStamp();

    private static string NewStamp() => Guid.NewGuid().ToString("N");
}
