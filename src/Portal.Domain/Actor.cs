namespace Portal.Domain;

/// <summary>Who did something: kept with every change, so the history can say who and in what role.</summary>
public sealed record Actor(string UserId, string Name, ActorRole Role)
{
    public bool IsStaff => Role is ActorRole.Caseworker or ActorRole.Admin;

    public bool IsFamily => Role is ActorRole.Parent or ActorRole.Youth;
}

public enum ActorRole
{
    Parent,
    Youth,
    Caseworker,
    Admin,
}
