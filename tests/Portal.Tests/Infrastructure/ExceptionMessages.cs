namespace Portal.Tests.Infrastructure;

public static class ExceptionMessages
{
    /// <summary>Every message in the exception and those inside it, as a host start failure wraps the one that says why.</summary>
    public static string AllMessages(this Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception is AggregateException aggregate
            ? string.Join(" ", aggregate.InnerExceptions.Select(AllMessages))
            : exception.Message + " " + (exception.InnerException is { } inner ? inner.AllMessages() : string.Empty);
    }
}
