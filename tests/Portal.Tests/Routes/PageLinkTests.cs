using System.Text.RegularExpressions;
using Portal.TestSupport;

namespace Portal.Tests.Routes;

/// <summary>
/// Links and redirects to the portal's own pages are made from the page's name (asp-page, RedirectToPage), so a page
/// given a new address takes every link to it along.
/// </summary>
public sealed partial class PageLinkTests
{
    [Fact]
    public void No_view_writes_an_address_of_the_portal_s_own_as_text()
    {
        var written = Written("*.cshtml", AddressAttribute());

        Assert.True(written.Count == 0, "Use asp-page and asp-route-… instead of:\n" + string.Join("\n", written));
    }

    [Fact]
    public void No_page_redirects_to_an_address_of_the_portal_s_own_written_as_text()
    {
        var written = Written("*.cs", AddressRedirect());

        Assert.True(written.Count == 0, "Use RedirectToPage instead of:\n" + string.Join("\n", written));
    }

    [Fact]
    public void The_checks_find_an_address_written_as_text()
    {
        Assert.Matches(AddressAttribute(), """<a class="button" href="/plan/@child.Id">""");
        Assert.Matches(AddressAttribute(), """<form method="post" action="/sprog">""");
        Assert.DoesNotMatch(AddressAttribute(), """<link rel="stylesheet" href="~/css/site.css" asp-append-version="true">""");
        Assert.DoesNotMatch(AddressAttribute(), """<a href="https://was.digst.dk/">""");
        Assert.Matches(AddressRedirect(), """return Redirect($"/plan/{childId}");""");
        Assert.Matches(AddressRedirect(), """return LocalRedirect("/medarbejder/sager");""");
        Assert.DoesNotMatch(AddressRedirect(), """return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");""");
    }

    /// <summary>Each line of the portal's source files of this kind where the address is found, with its file.</summary>
    private static List<string> Written(string pattern, Regex address) =>
        SourceFiles(pattern)
            .SelectMany(file => address.Matches(File.ReadAllText(file)).Select(match => $"{Relative(file)}: {Line(file, match.Index)}"))
            .ToList();

    private static IEnumerable<string> SourceFiles(string pattern)
    {
        var source = Path.Combine(Repository.Root, "src", "Portal");
        return Directory.EnumerateFiles(source, pattern, SearchOption.AllDirectories)
            .Where(file => !Relative(file).StartsWith("bin", StringComparison.Ordinal) && !Relative(file).StartsWith("obj", StringComparison.Ordinal));
    }

    private static string Line(string file, int index)
    {
        var text = File.ReadAllText(file);
        var start = text.LastIndexOf('\n', index) + 1;
        var end = text.IndexOf('\n', index);
        return text[start..(end < 0 ? text.Length : end)].Trim();
    }

    private static string Relative(string file) => Path.GetRelativePath(Path.Combine(Repository.Root, "src", "Portal"), file);

    /// <summary>An href, action or formaction that starts at the site's root; files under wwwroot are written "~/…".</summary>
    [GeneratedRegex("""\b(?:href|action|formaction)="/""")]
    private static partial Regex AddressAttribute();

    /// <summary>A redirect whose target starts as a written path ("/…" or $"/…").</summary>
    [GeneratedRegex("""\b(?:Local)?Redirect\(\$?"/""")]
    private static partial Regex AddressRedirect();
}
