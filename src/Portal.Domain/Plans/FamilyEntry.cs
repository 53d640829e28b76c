namespace Portal.Domain.Plans;

/// <summary>The family's own words on the plan. Only the person who wrote an entry can change it.</summary>
public sealed class FamilyEntry
{
    public const int TextMaxLength = 2000;

    internal FamilyEntry(FamilyEntryKind kind, string text, Actor author, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        Kind = kind;
        Text = text;
        AuthorUserId = author.UserId;
        AuthorName = author.Name;
        AuthorRole = author.Role;
        WrittenAt = now;
    }

    // Stryker disable once all : EF Core's constructor; EF Core sets every property from the row it reads.
    private FamilyEntry()
    {
        Text = AuthorUserId = AuthorName = string.Empty;
    }

    public Guid Id { get; private set; }

    public FamilyEntryKind Kind { get; private set; }

    public string Text { get; private set; }

    public string AuthorUserId { get; private set; }

    public string AuthorName { get; private set; }

    public ActorRole AuthorRole { get; private set; }

    public DateTimeOffset WrittenAt { get; private set; }

    public DateTimeOffset? EditedAt { get; private set; }

    internal void Edit(string text, DateTimeOffset now)
    {
        Text = text;
        EditedAt = now;
    }
}

public enum FamilyEntryKind
{
    WhatMattersToMe,
    WishBeforeMeeting,
}
