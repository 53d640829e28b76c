using Portal.Domain.Professionals;

namespace Portal.Domain;

/// <summary>Who did something: kept with every change, so the history can say who and in what role.</summary>
/// <param name="Service">A professional's service (school, Sundhedsplejen…); null for everyone else.</param>
public sealed record Actor(string UserId, string Name, ActorRole Role, ProfessionalService? Service = null)
{
    public bool IsStaff => Role is ActorRole.Caseworker or ActorRole.Admin;

    public bool IsFamily => Role is ActorRole.Parent or ActorRole.Youth;

    public bool IsProfessional => Role is ActorRole.Professional;
}

public enum ActorRole
{
    Parent,
    Youth,
    Caseworker,
    Admin,
    Professional,
}
