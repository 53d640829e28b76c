namespace Portal.Domain.Counselling;

/// <summary>
/// That an offer was made, and when: the line's pace, from which a waiting person's wait is estimated. It names no
/// request and nobody, so it outlives the requests (deleted after their retention period) without keeping anything
/// about a person; an offer let pass still counts, since the line moved for it.
/// </summary>
public sealed class OfferMade
{
    public OfferMade(DateTimeOffset at) => At = at;

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }
}
