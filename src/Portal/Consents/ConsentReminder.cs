namespace Portal.Consents;

/// <summary>A consent that has had its reminder email before it expires, so each gets exactly one.</summary>
public sealed class ConsentReminder
{
    public Guid DecisionId { get; set; }

    public DateTimeOffset SentAt { get; set; }
}
