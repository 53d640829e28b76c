namespace Portal.Domain.Families;

/// <summary>A caseworker assigned to a child's case.</summary>
public sealed class CaseworkerAssignment
{
    internal CaseworkerAssignment(Guid childId, string userId)
    {
        ChildId = childId;
        UserId = userId;
    }

    public Guid ChildId { get; private set; }

    public string UserId { get; private set; }
}
