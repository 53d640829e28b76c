using System.Net;
using System.Text.RegularExpressions;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Performance;

/// <summary>A phone fetches the styles once: fingerprinted names, kept for a year, to visitors who are not signed in too.</summary>
public sealed partial class StaticFilesTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    [Fact]
    public async Task The_login_page_links_fingerprinted_styles_that_a_browser_need_not_fetch_twice()
    {
        using var client = _factory.CreateClient();
        var page = await client.GetStringAsync("/Identity/Account/Login");
        var styles = Stylesheet().Matches(page).Select(match => match.Groups[1].Value).ToList();

        Assert.Equal(2, styles.Count);
        foreach (var style in styles)
        {
            Assert.Matches(@"\.[a-z0-9]{10}\.css$", style);
            using var response = await client.GetAsync(style);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(response.Headers.ETag);

            // A published build adds "max-age=31536000, immutable" (README, Performance); from build output the files may
            // change under the app, so it asks the browser to check, and the check costs no body.
            using var again = new HttpRequestMessage(HttpMethod.Get, style);
            again.Headers.IfNoneMatch.Add(response.Headers.ETag);
            using var check = await client.SendAsync(again);
            Assert.Equal(HttpStatusCode.NotModified, check.StatusCode);
        }
    }

    [Fact]
    public async Task Every_font_and_image_the_styles_name_is_served_and_the_fonts_are_small_woff2_that_never_block_the_text()
    {
        using var client = _factory.CreateClient();
        var page = await client.GetStringAsync("/Identity/Account/Login");
        var named = 0;
        foreach (var style in Stylesheet().Matches(page).Select(match => new Uri(client.BaseAddress!, match.Groups[1].Value)))
        {
            var css = await client.GetStringAsync(style);
            foreach (var url in CssUrl().Matches(css).Select(match => match.Groups[1].Value))
            {
                using var response = await client.GetAsync(new Uri(style, url));
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} (named in {style.AbsolutePath}) answered {response.StatusCode}");
                named++;
            }

            // The reduced DKFDS build (tools/dkfds-build): Latin subsets as woff2 only, shown in the fallback font until
            // they arrive, and only for the characters they hold.
            foreach (Match face in FontFace().Matches(css))
            {
                Assert.Contains("font-display:swap", face.Value, StringComparison.Ordinal);
                Assert.Contains("unicode-range:", face.Value, StringComparison.Ordinal);
                Assert.DoesNotMatch(@"\.(woff|ttf|eot)\)", face.Value);
                var font = await client.GetByteArrayAsync(new Uri(style, CssUrl().Match(face.Value).Groups[1].Value));
                Assert.InRange(font.Length, 1, 30_000);
            }
        }

        Assert.True(named >= 4, $"The styles name {named} files; the reduced DKFDS names its fonts and a few icons.");
    }

    [Fact]
    public async Task A_missing_file_is_not_found_and_does_not_ask_for_a_login()
    {
        using var client = _factory.CreateClient();
        using var response = await client.GetAsync("/favicon.ico");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    public void Dispose() => _factory.Dispose();

    /// <summary>A page's stylesheet links; the address is the first group.</summary>
    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\"")]
    internal static partial Regex Stylesheet();

    [GeneratedRegex("""url\(["']?([^)"']+)["']?\)""")]
    private static partial Regex CssUrl();

    [GeneratedRegex("@font-face\\{[^}]*\\}")]
    private static partial Regex FontFace();
}
