using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Tests.Infrastructure;
using Portal.TestSupport;

namespace Portal.Tests.Routes;

/// <summary>
/// Links and redirects to the portal's own pages are made from the page's name (asp-page, RedirectToPage), so a page
/// given a new address takes every link to it along, and every name they use is a page the portal has.
/// </summary>
public sealed partial class PageLinkTests(PortalFactory factory) : IClassFixture<PortalFactory>
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
    public void Every_page_name_a_link_or_redirect_uses_is_a_page_of_the_portal()
    {
        // A name that is no page (a typo, a page renamed) gives a link without an address, and nothing else fails.
        var pages = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(endpoint => endpoint.Metadata.GetMetadata<PageActionDescriptor>())
            .OfType<PageActionDescriptor>()
            .Select(page => (page.AreaName ?? string.Empty, page.ViewEnginePath))
            .ToHashSet();
        Assert.Contains((string.Empty, "/Plans/Index"), pages);
        Assert.Contains(("Identity", "/Account/Login"), pages);

        var used = SourceFiles("*.cshtml").SelectMany(file => PageLink().Matches(File.ReadAllText(file)).Select(link => (file, link)))
            .Concat(SourceFiles("*.cs").SelectMany(file => PageRedirect().Matches(File.ReadAllText(file)).Select(link => (file, link))))
            .Select(item => (item.file, Name: item.link.Groups["page"].Value, Area: item.link.Groups["area"].Success ? item.link.Groups["area"].Value : null))
            .ToList();
        Assert.True(used.Count > 100, $"only {used.Count} page names found: the patterns no longer fit the source");

        var missing = used
            .Where(item => !pages.Contains((item.Area ?? AreaOf(item.file), PageOf(item.Name, item.file))))
            .Select(item => $"{Relative(item.file)}: {item.Name}" + (item.Area is null ? string.Empty : $" (area \"{item.Area}\")"))
            .ToList();
        Assert.True(missing.Count == 0, "No such page:\n" + string.Join("\n", missing));
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
            .Select(file => (file, text: File.ReadAllText(file)))
            .SelectMany(source => address.Matches(source.text).Select(match => $"{Relative(source.file)}: {LineAt(source.text, match.Index)}"))
            .ToList();

    private static IEnumerable<string> SourceFiles(string pattern)
    {
        var source = Path.Combine(Repository.Root, "src", "Portal");
        return Directory.EnumerateFiles(source, pattern, SearchOption.AllDirectories)
            .Where(file => !Relative(file).StartsWith("bin", StringComparison.Ordinal) && !Relative(file).StartsWith("obj", StringComparison.Ordinal));
    }

    private static string LineAt(string text, int index)
    {
        var start = text.LastIndexOf('\n', index) + 1;
        var end = text.IndexOf('\n', index);
        return text[start..(end < 0 ? text.Length : end)].Trim();
    }

    /// <summary>The area a file belongs to: "Identity" under Areas/Identity, none under Pages.</summary>
    private static string AreaOf(string file) =>
        Relative(file).Split(Path.DirectorySeparatorChar) is ["Areas", var area, ..] ? area : string.Empty;

    /// <summary>A page name as Razor Pages reads it: "./Status" and "Status" are next to the file that names them.</summary>
    private static string PageOf(string name, string file)
    {
        if (name.StartsWith('/'))
        {
            return name;
        }

        var parts = Relative(file).Split(Path.DirectorySeparatorChar);
        var pagesRoot = Array.IndexOf(parts, "Pages");
        var folder = "/" + string.Join('/', parts[(pagesRoot + 1)..^1]) + "/";
        return new Uri(new Uri("http://portal" + folder), name).AbsolutePath;
    }

    private static string Relative(string file) => Path.GetRelativePath(Path.Combine(Repository.Root, "src", "Portal"), file);

    /// <summary>An href, action or formaction that starts at the site's root; files under wwwroot are written "~/…".</summary>
    [GeneratedRegex("""\b(?:href|action|formaction)="/""")]
    private static partial Regex AddressAttribute();

    /// <summary>asp-page="…" in a tag, with the tag's asp-area="…" before or after it if it has one.</summary>
    [GeneratedRegex("""<[a-z]+\b(?:[^>]*?\basp-area="(?<area>[^"]*)")?[^>]*?\basp-page="(?<page>[^"]+)"(?:[^>]*?\basp-area="(?<area>[^"]*)")?""")]
    private static partial Regex PageLink();

    /// <summary>RedirectToPage("…"), with the area of its route values if it names one.</summary>
    [GeneratedRegex("""RedirectToPage\("(?<page>[^"]+)"(?:[^;\n]*?\barea = "(?<area>[^"]*)")?""")]
    private static partial Regex PageRedirect();

    /// <summary>A redirect whose target starts as a written path ("/…" or $"/…").</summary>
    [GeneratedRegex("""\b(?:Local)?Redirect\(\$?"/""")]
    private static partial Regex AddressRedirect();
}
