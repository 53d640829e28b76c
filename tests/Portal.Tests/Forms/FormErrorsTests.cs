using Portal.Tests.Infrastructure;

namespace Portal.Tests.Forms;

/// <summary>
/// What a screen-reader or keyboard user needs from a refused form (WCAG 1.3.1, 3.3.1, 4.1.2): "Fejl:" first in the
/// title, a summary that takes the focus and links each message to its field, the message again at the field, tied to
/// it with aria-describedby and aria-invalid, hints tied the same way, and over-long text refused by the server and
/// kept, never cut by the browser.
/// </summary>
public sealed class FormErrorsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Over_long_text_is_refused_at_its_field_and_kept_and_the_summary_links_to_it()
    {
        using var visitor = factory.CreateClient();
        var form = await visitor.GetPageAsync("/raadgivning");

        // Before: the limit is said, and the browser does not cut anything.
        Assert.Empty(form.QuerySelectorAll("[maxlength]"));
        var empty = form.QuerySelector("#Input_Message")!;
        Assert.Equal("Højst 1000 tegn.", Described(form, empty, "-limit"));
        Assert.Equal("Skriv ikke navne eller andet, der viser, hvem du er – medmindre du gerne vil.", Described(form, empty, "-hint"));

        var tooLong = new string('a', 1200);
        using var refused = await visitor.SubmitAsync(form.Form(), new Dictionary<string, string> { ["Input.Message"] = tooLong });
        var page = await Html.ReadAsync(refused);

        Assert.StartsWith("Fejl: Tal med en rådgiver", page.Title, StringComparison.Ordinal);
        var summary = page.QuerySelector("#error-summary")!;
        Assert.True(summary.HasAttribute("autofocus"));
        Assert.Equal("-1", summary.GetAttribute("tabindex"));
        var link = Assert.Single(summary.QuerySelectorAll("a"));
        Assert.Equal("#Input_Message", link.GetAttribute("href"));

        var field = page.QuerySelector("#Input_Message")!;
        Assert.Equal("textarea", field.LocalName);
        Assert.Equal(tooLong, field.TextContent.Trim());
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        Assert.Equal("Fejl: " + link.TextContent, Described(page, field, "-error"));
        Assert.Contains("må højst være 1000 tegn", link.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_radio_group_in_error_says_so_under_its_legend_and_the_summary_links_to_the_group()
    {
        using var parent = factory.CreateClient();
        await parent.LogInAsync(DemoLogins.Parent);
        var home = await parent.GetPageAsync("/");
        var plan = home.QuerySelectorAll("main a").First(a => a.GetAttribute("href")?.StartsWith("/plan/", StringComparison.Ordinal) == true).GetAttribute("href")!;
        var form = await parent.GetPageAsync(plan.Split('?')[0] + "/mine-ord");

        using var refused = await parent.SubmitAsync(form.Form("main form[action*='handler=Add']"), new Dictionary<string, string>
        {
            ["Input.Kind"] = "SomethingElse",
            ["Input.Text"] = "Vi vil gerne tale om skolen.",
        });
        var page = await Html.ReadAsync(refused);

        var fieldset = page.QuerySelector("fieldset#Input_Kind")!;
        Assert.Contains("form-error", fieldset.ClassList);
        Assert.Single(page.QuerySelectorAll("#error-summary a[href='#Input_Kind']"));
        var message = page.QuerySelector(fieldset.GetAttribute("aria-describedby")!.Split(' ').Select(id => "#" + id).Last())!;
        Assert.Equal("legend", message.PreviousElementSibling?.LocalName);
        Assert.StartsWith("Fejl: ", message.TextContent, StringComparison.Ordinal);

        // What was written stays.
        Assert.Equal("Vi vil gerne tale om skolen.", page.QuerySelector("#Input_Text")?.TextContent.Trim());
    }

    [Fact]
    public async Task A_page_without_errors_has_a_plain_title_and_no_field_marked_invalid()
    {
        using var visitor = factory.CreateClient();

        var page = await visitor.GetPageAsync("/Identity/Account/Login");

        Assert.DoesNotContain("Fejl", page.Title, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("[aria-invalid], #error-summary"));
    }

    /// <summary>The text of the element the field's aria-describedby names with this ending ("-hint", "-limit", "-error").</summary>
    private static string? Described(AngleSharp.Html.Dom.IHtmlDocument page, AngleSharp.Dom.IElement field, string ending)
    {
        var id = field.GetAttribute("aria-describedby")?.Split(' ').SingleOrDefault(candidate => candidate.EndsWith(ending, StringComparison.Ordinal));
        return id is null ? null : page.GetElementById(id)?.TextContent;
    }
}
