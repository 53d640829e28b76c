namespace Portal.Domain.Consents;

/// <summary>A record that staff shared information with the partner service, made only while the consent was valid.</summary>
public sealed class InformationShare
{
    public const int WhatMaxLength = 500;

    internal InformationShare(string what, Actor by, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        What = what;
        ByUserId = by.UserId;
        ByName = by.Name;
        At = at;
    }

    // Stryker disable once all : EF Core's constructor; EF Core sets every property from the row it reads.
    private InformationShare()
    {
        What = ByUserId = ByName = string.Empty;
    }

    public Guid Id { get; private set; }

    public string What { get; private set; }

    public string ByUserId { get; private set; }

    public string ByName { get; private set; }

    public DateTimeOffset At { get; private set; }
}
