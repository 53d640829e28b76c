using System.Net;
using AngleSharp.Html.Dom;
using MimeKit;
using Portal.Data;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.Tests.Security;

/// <summary>
/// For each demo role: every POST form on every page the role can reach (found by following the links, so a new page
/// is covered without editing this test) is sent hostile values. Whatever comes back is never a server error, never
/// shows the payload unescaped, and no mail it causes carries an injected header or unescaped markup.
/// </summary>
public sealed class HostileFormTests(ITestOutputHelper output) : IDisposable
{
    private const string Script = "<script>alert(1)</script>";
    private const int MaxPagesPerRole = 80;

    private static readonly string[] TextPayloads =
    [
        new string('æ', 5000),
        "Emma 👩‍👧‍👦 \u202Eesrever\u202C \u200F\u200E ok",
        "a\u0000b\u0007c\u001Bd\u007F\u0085e",
        Script,
        "x@example.dk\r\nBcc: victim@evil.test",
        "0001-01-01",
        "9999-12-31",
        "-1",
    ];

    private readonly PortalFactory _factory = new();

    public static TheoryData<string> Roles => ["anonymous", .. DemoData.Users.Select(user => user.Email)];

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Every_form_a_role_can_reach_answers_hostile_values_without_a_server_error(string role)
    {
        // Someone waits in the counselling line, so the counsellor's offer form is there to be reached; the anonymous
        // role is that person, so the forms on their own status page are reached too.
        using var client = _factory.CreateClient();
        using (var asked = await client.SubmitAsync((await client.GetPageAsync("/raadgivning")).Form(), new Dictionary<string, string> { ["Input.Email"] = "venter@example.dk" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        }

        if (role != "anonymous")
        {
            client.DefaultRequestHeaders.Remove("Cookie");
            await client.LogInAsync(role);
        }

        var forms = await ReachableFormsAsync(client, role == "anonymous" ? ["/raadgivning/status", "/raadgivning/kode", "/Identity/Account/Login", "/Identity/Account/ForgotPassword"] : ["/"]);
        Assert.NotEmpty(forms);
        output.WriteLine(string.Join("\n", forms.Select(item => $"{item.Page} → {item.Form.Action} ({string.Join(", ", item.Form.Fields.Select(field => field.Name))})")));

        var problems = new List<string>();
        foreach (var (page, form) in forms)
        {
            // A fresh antiforgery token once per form (an earlier form may have changed the login it is bound to).
            var token = await FreshTokenAsync(client, page);
            foreach (var submission in Submissions(form))
            {
                using var response = await PostAsync(client, page, form, submission.Fields, token);
                var body = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode >= 500)
                {
                    problems.Add($"{(int)response.StatusCode} from {form.Action} ({submission.Name}) on {page}");
                }
                else if (body.Contains(Script, StringComparison.Ordinal))
                {
                    problems.Add($"unescaped script from {form.Action} ({submission.Name}) on {page}");
                }
            }

            // What was saved is shown safely: the page itself still opens, with nothing unescaped.
            using var after = await client.GetAsync(new Uri(page, UriKind.Relative));
            if ((int)after.StatusCode >= 500)
            {
                problems.Add($"{(int)after.StatusCode} from {page} after the hostile values sent to {form.Action}");
            }
            else if ((await after.Content.ReadAsStringAsync()).Contains(Script, StringComparison.Ordinal))
            {
                problems.Add($"unescaped script on {page} after the hostile values sent to {form.Action}");
            }
        }

        Assert.True(problems.Count == 0, $"{problems.Count} problems in {forms.Count} forms:\n" + string.Join("\n", problems.Distinct()));

        // Nothing anyone typed reaches the log.
        Assert.DoesNotContain(_factory.Logs.Lines, line => line.Contains("esrever", StringComparison.Ordinal)
            || line.Contains("victim@evil.test", StringComparison.Ordinal) || line.Contains(Script, StringComparison.Ordinal) || line.Contains("æææææ", StringComparison.Ordinal));
        await AssertNoMailIsTamperedWithAsync();
    }

    /// <summary>Follows links from the start pages and collects each distinct POST form (by its action and fields).</summary>
    private static async Task<List<(string Page, FoundForm Form)>> ReachableFormsAsync(HttpClient client, string[] starts)
    {
        var queue = new Queue<string>(starts);
        var seen = new HashSet<string>(starts);
        var forms = new Dictionary<string, (string, FoundForm)>();
        var visited = 0;
        while (queue.Count > 0 && visited++ < MaxPagesPerRole)
        {
            var url = queue.Dequeue();
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            // The login redirect is absolute (https://localhost/Identity/Account/Login?…): follow it on this host only.
            if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } location
                && (!location.IsAbsoluteUri || location.Host == "localhost")
                && (location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString) is var next && seen.Add(next))
            {
                queue.Enqueue(next);
            }

            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var document = await Html.ReadAsync(response);
            foreach (var link in document.QuerySelectorAll("a[href]").Select(anchor => anchor.GetAttribute("href")!))
            {
                if (link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) && !link.Contains("Logout", StringComparison.OrdinalIgnoreCase) && seen.Add(link))
                {
                    queue.Enqueue(link);
                }
            }

            foreach (var form in document.QuerySelectorAll("form").OfType<IHtmlFormElement>().Where(IsTarget))
            {
                var found = FoundForm.From(form);
                forms.TryAdd(found.Action + "|" + string.Join(",", found.Fields.Select(field => field.Name)), (url, found));
            }
        }

        return [.. forms.Values];
    }

    private static bool IsTarget(IHtmlFormElement form)
    {
        var action = form.GetAttribute("action") ?? string.Empty;
        return string.Equals(form.Method, "post", StringComparison.OrdinalIgnoreCase)
            && !action.Contains("Logout", StringComparison.OrdinalIgnoreCase)
            && !action.StartsWith("/sprog", StringComparison.Ordinal);
    }

    private static IEnumerable<(string Name, List<KeyValuePair<string, string>> Fields)> Submissions(FoundForm form)
    {
        var editable = form.Fields.Where(field => field.Type != "hidden").ToList();
        foreach (var payload in TextPayloads)
        {
            var fields = form.Fields.Select(field => new KeyValuePair<string, string>(field.Name, field.Type == "hidden" ? field.Value : payload)).ToList();
            yield return ($"every field = {Describe(payload)}", fields);
        }

        // Hidden fields (ids, stamps) forged too, and every field twice with different values.
        yield return ("hidden fields forged", [.. form.Fields.Select(field => new KeyValuePair<string, string>(field.Name, field.Name.Contains("Token", StringComparison.Ordinal) ? field.Value : "' OR 1=1 --"))]);
        yield return ("every field twice", [.. form.Fields.SelectMany(field => new[] { new KeyValuePair<string, string>(field.Name, field.Value), new KeyValuePair<string, string>(field.Name, Script) })]);
        yield return ("only the token", [.. form.Fields.Where(field => field.Name == "__RequestVerificationToken").Select(field => new KeyValuePair<string, string>(field.Name, field.Value))]);
        if (editable.Count > 0)
        {
            yield return ("visible fields missing", [.. form.Fields.Where(field => field.Type == "hidden").Select(field => new KeyValuePair<string, string>(field.Name, field.Value))]);
        }
    }

    private static string Describe(string payload) => payload.Length > 40 ? $"{payload.Length} characters" : payload.ReplaceLineEndings("⏎");

    /// <summary>The antiforgery token of a fresh copy of the page, or null when the page no longer opens for this login.</summary>
    private static async Task<string?> FreshTokenAsync(HttpClient client, string page)
    {
        using var fresh = await client.GetAsync(new Uri(page, UriKind.Relative));
        return fresh.StatusCode == HttpStatusCode.OK
            ? (await Html.ReadAsync(fresh)).QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value")
            : null;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, FoundForm form, List<KeyValuePair<string, string>> fields, string? token)
    {
        if (token is not null)
        {
            fields = [.. fields.Select(field => field.Key == "__RequestVerificationToken" ? new KeyValuePair<string, string>(field.Key, token) : field)];
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri("https://localhost" + page), form.Action))
        {
            Content = new FormUrlEncodedContent(fields),
        };
        return await client.SendAsync(request);
    }

    private async Task AssertNoMailIsTamperedWithAsync()
    {
        // Let the dispatcher write what the forms queued.
        await Task.Delay(1000);
        if (!Directory.Exists(_factory.MailFolder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(_factory.MailFolder, "*.eml"))
        {
            var message = await MimeMessage.LoadAsync(file);
            Assert.Empty(message.Bcc);
            Assert.Single(message.To.Mailboxes);
            Assert.DoesNotContain(message.Headers, header => header.Value.Contains("evil.test", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(Script, message.HtmlBody ?? string.Empty, StringComparison.Ordinal);
        }
    }

    private sealed record FormField(string Name, string Type, string Value);

    private sealed record FoundForm(string Action, IReadOnlyList<FormField> Fields)
    {
        public static FoundForm From(IHtmlFormElement form)
        {
            var fields = new List<FormField>();
            foreach (var element in form.Elements)
            {
                switch (element)
                {
                    case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "button"):
                        fields.Add(new FormField(input.Name!, input.Type, input.Value));
                        break;
                    case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                        fields.Add(new FormField(area.Name!, "textarea", area.Value));
                        break;
                    case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                        fields.Add(new FormField(select.Name!, "select", select.Value ?? string.Empty));
                        break;
                    case IHtmlButtonElement { Name.Length: > 0 } button:
                        fields.Add(new FormField(button.Name!, "button", button.Value));
                        break;
                }
            }

            var owner = form.Owner!.DocumentUri;
            var action = form.GetAttribute("action");
            var absolute = string.IsNullOrEmpty(action) ? new Uri(owner) : new Uri(new Uri(owner), action);
            return new FoundForm(absolute.PathAndQuery, [.. fields.DistinctBy(field => field.Name + "=" + field.Value)]);
        }
    }

    public void Dispose()
    {
        _factory.Dispose();
        _factory.DeleteDataFolder();
    }
}
