namespace Portal.Domain;

/// <summary>
/// An illegal move on an entity. <see cref="Code"/> is a stable key that pages turn into a localized message.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string code)
        : base(code) => Code = code;

    public DomainException(string code, Exception innerException)
        : base(code, innerException) => Code = code;

    public DomainException()
        : this("Domain.Unknown")
    {
    }

    public string Code { get; }

    /// <summary>
    /// The move names something that is not there for this person (an unknown item, another person's entry), which a
    /// page answers as it answers an unknown address, telling nothing about what exists.
    /// </summary>
    public bool MeansNotFound { get; init; }

    public static DomainException NotFound(string code) => new(code) { MeansNotFound = true };
}
