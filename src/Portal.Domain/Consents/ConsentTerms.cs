namespace Portal.Domain.Consents;

/// <summary>The partner services a consent can involve.</summary>
public enum PartnerService
{
    HealthVisitors,
    OpenCounselling,
}

/// <summary>What a consent allows.</summary>
public enum ConsentPurpose
{
    /// <summary>The partner service may take part in the child's network meetings.</summary>
    NetworkMeetings,

    /// <summary>Information about the child may be exchanged with the partner service.</summary>
    InformationExchange,
}

/// <summary>How the decision reached the portal: given in the portal, or told to a member of staff who recorded it.</summary>
public enum ConsentMethod
{
    Portal,
    Oral,
}

public enum ConsentAction
{
    Given,
    Revoked,
}

/// <summary>Someone whose consent counts: a custody holder, or the young person (who may have no login yet).</summary>
public sealed record Party(string Id, string Name, ActorRole Role)
{
    /// <summary>The party id for a young person without their own login; staff record their decisions orally.</summary>
    public static string ChildWithoutLogin(Guid childId) => $"child:{childId:N}";
}

/// <summary>The exact words shown before a decision, and their version. Both are kept with the decision.</summary>
public sealed record ConsentWording(string Version, string Text)
{
    public const int TextMaxLength = 4000;
    public const int VersionMaxLength = 20;
}
