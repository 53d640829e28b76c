using System.Net;
using Portal.Pages.About;
using Portal.Tests.Infrastructure;
using Portal.TestSupport;

namespace Portal.Tests.About;

/// <summary>
/// The statements every Danish public site must have: the accessibility statement and the privacy notice, open to
/// everyone, with the municipality's own details from configuration, in Danish and English, linked from every page.
/// </summary>
public sealed class StatementsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_privacy_notice_names_the_municipality_its_data_protection_officer_and_how_long_the_anonymous_line_keeps_a_request()
    {
        using var visitor = factory.CreateClient();

        var notice = await visitor.GetPageAsync("/privatliv");

        Assert.Equal("Sådan behandler vi dine oplysninger", notice.QuerySelector("h1")?.TextContent);
        var text = notice.MainText();
        Assert.Contains($"{TestMunicipality.Name} er dataansvarlig", text, StringComparison.Ordinal);
        Assert.NotNull(notice.QuerySelector($"main a[href='mailto:{TestMunicipality.DataProtectionOfficerEmail}']"));
        Assert.Contains("Din plads slettes helt 30 dage efter", text, StringComparison.Ordinal);
        Assert.Contains("Vi gemmer ikke dit CPR-nummer.", text, StringComparison.Ordinal);
        Assert.Contains("Datatilsynet", text, StringComparison.Ordinal);
        Assert.NotNull(notice.QuerySelector("main a[href='/mine-data']"));
    }

    [Fact]
    public async Task The_accessibility_statement_says_how_far_the_portal_meets_WCAG_and_where_to_write()
    {
        using var visitor = factory.CreateClient();

        var statement = await visitor.GetPageAsync("/tilgaengelighed");

        Assert.Equal("Tilgængelighedserklæring", statement.QuerySelector("h1")?.TextContent);
        // Every problem the families found (the login running out, error messages, hints, cut text, 200 % text) is fixed.
        Assert.Empty(AccessibilityModel.KnownProblems);
        Assert.Contains("lever Familieportalen op til WCAG 2.1 niveau AA", statement.MainText(), StringComparison.Ordinal);
        Assert.Contains("senest gennemgået 30. november 2026", statement.MainText(), StringComparison.Ordinal);
        Assert.NotNull(statement.QuerySelector($"main a[href='mailto:{TestMunicipality.AccessibilityEmail}']"));
        Assert.NotNull(statement.QuerySelector("main a[href='https://was.digst.dk/']"));
    }

    [Fact]
    public async Task Both_statements_are_in_English_too()
    {
        using var visitor = factory.CreateClient();
        var page = await visitor.GetPageAsync("/privatliv");
        using (await visitor.SubmitAsync(page.Form("header form[action='/sprog']")))
        {
        }

        var notice = await visitor.GetPageAsync("/privatliv");
        Assert.Equal("How we handle your information", notice.QuerySelector("h1")?.TextContent);
        Assert.Contains($"{TestMunicipality.Name} is the data controller", notice.MainText(), StringComparison.Ordinal);
        var statement = await visitor.GetPageAsync("/tilgaengelighed");
        Assert.Equal("Accessibility statement", statement.QuerySelector("h1")?.TextContent);
        Assert.Contains("last reviewed on 30 November 2026", statement.MainText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Identity/Account/Login")]
    [InlineData("/raadgivning")]
    [InlineData("/finnes-ikke")]
    public async Task Every_page_links_home_and_both_statements_in_its_footer(string address)
    {
        using var visitor = factory.CreateClient();

        using var response = await visitor.GetAsync(new Uri(address, UriKind.Relative));
        var page = await Html.ReadAsync(response);

        // The login page is in the Identity area: the links in the layout still lead to the portal's own pages.
        Assert.NotNull(page.QuerySelector("header a.portal-name[href='/']"));
        Assert.NotNull(page.QuerySelector("footer a[href='/tilgaengelighed']"));
        Assert.NotNull(page.QuerySelector("footer a[href='/privatliv']"));
    }

    [Fact]
    public async Task A_signed_in_page_links_them_too_and_the_counselling_form_links_the_privacy_notice()
    {
        using var parent = factory.CreateClient();
        await parent.LogInAsync(DemoLogins.Parent);
        var home = await parent.GetPageAsync("/");
        Assert.NotNull(home.QuerySelector("footer a[href='/privatliv']"));

        using var visitor = factory.CreateClient();
        var counselling = await visitor.GetPageAsync("/raadgivning");
        Assert.NotNull(counselling.QuerySelector("main a[href='/privatliv#anonymous']"));
    }

    [Fact]
    public void Outside_Development_the_portal_does_not_start_without_the_municipality_s_details()
    {
        using var portal = PortalFactory.With(new Dictionary<string, string?> { ["Municipality:DataProtectionOfficerEmail"] = string.Empty }, environment: "Production");

        var refused = Assert.ThrowsAny<Exception>(() => portal.Services);

        Assert.Contains("DataProtectionOfficerEmail", refused.AllMessages(), StringComparison.Ordinal);
        portal.DeleteDataFolder();
    }
}
