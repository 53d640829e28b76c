namespace Portal.Domain.Families;

/// <summary>A parent (or other person) with custody of one child, linked to their portal account.</summary>
public sealed class CustodyHolder
{
    internal CustodyHolder(Guid childId, string userId)
    {
        ChildId = childId;
        UserId = userId;
    }

    public Guid ChildId { get; private set; }

    public string UserId { get; private set; }
}
