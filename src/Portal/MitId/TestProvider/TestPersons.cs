namespace Portal.MitId.TestProvider;

/// <summary>A made-up person the test provider can log in as, with the persistent identifier a broker would give them.</summary>
public sealed record TestPerson(Guid Uuid, string Name, string Description);

/// <summary>
/// The people on the test provider's page. The demo family's accounts are bound to the first three (Data/DemoData);
/// the others have no account, to try an invitation or the page for people the portal does not know.
/// </summary>
public static class TestPersons
{
    public static readonly TestPerson SofieJensen = new(Guid.Parse("6f1d2a4e-3b7c-4d0e-9a51-0c2f8e7b1a01"), "Sofie Jensen", "TestPerson.DemoParent");
    public static readonly TestPerson AndersJensen = new(Guid.Parse("6f1d2a4e-3b7c-4d0e-9a51-0c2f8e7b1a02"), "Anders Jensen", "TestPerson.DemoParent");
    public static readonly TestPerson EmmaJensen = new(Guid.Parse("6f1d2a4e-3b7c-4d0e-9a51-0c2f8e7b1a03"), "Emma Jensen", "TestPerson.DemoYouth");
    public static readonly TestPerson MiaHansen = new(Guid.Parse("6f1d2a4e-3b7c-4d0e-9a51-0c2f8e7b1a04"), "Mia Hansen", "TestPerson.NoAccount");
    public static readonly TestPerson JonasHansen = new(Guid.Parse("6f1d2a4e-3b7c-4d0e-9a51-0c2f8e7b1a05"), "Jonas Hansen", "TestPerson.NoAccount");
    public static readonly TestPerson KarenNielsen = new(Guid.Parse("6f1d2a4e-3b7c-4d0e-9a51-0c2f8e7b1a06"), "Karen Nielsen", "TestPerson.NoAccount");

    public static IReadOnlyList<TestPerson> All { get; } = [SofieJensen, AndersJensen, EmmaJensen, MiaHansen, JonasHansen, KarenNielsen];
}
