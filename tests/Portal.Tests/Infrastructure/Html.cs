using System.Net;
using AngleSharp;
using AngleSharp.Html.Dom;

namespace Portal.Tests.Infrastructure;

/// <summary>Reads the portal's real HTML with AngleSharp and submits its real forms, antiforgery token and all.</summary>
public static class Html
{
    public static async Task<IHtmlDocument> ReadAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var content = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        var document = await context.OpenAsync(request =>
        {
            request.Content(content);
            request.Address(response.RequestMessage!.RequestUri!);
            foreach (var header in response.Content.Headers)
            {
                request.Header(header.Key, string.Join(", ", header.Value));
            }
        });
        return (IHtmlDocument)document;
    }

    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadAsync(response);
    }

    /// <summary>Fills the form's fields (by name) and posts it the way a browser would, with the submit button's name and value.</summary>
    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlFormElement form, IDictionary<string, string>? values = null, IHtmlElement? submitButton = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(form);
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "button" or "checkbox" or "radio"):
                    fields.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.IsChecked:
                    fields.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlTextAreaElement textArea when !string.IsNullOrEmpty(textArea.Name):
                    fields.Add(new(textArea.Name!, textArea.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.Add(new(select.Name!, select.Value ?? string.Empty));
                    break;
            }
        }

        // Radio buttons and check boxes the test sets must exist in the form, checked or not.
        var choices = form.Elements.OfType<IHtmlInputElement>().Where(input => input.Type is "radio" or "checkbox").Select(input => input.Name).ToHashSet();
        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            Assert.True(fields.Exists(field => field.Key == name) || choices.Contains(name), $"The form has no field '{name}'.");
            fields.RemoveAll(field => field.Key == name);
            fields.Add(new(name, value));
        }

        if (submitButton is IHtmlButtonElement { Name: { Length: > 0 } buttonName } button)
        {
            fields.Add(new(buttonName, button.Value));
        }

        // Resolve the action against the page's own address, as a browser does (a bare "/path" is not a file path).
        var action = submitButton?.GetAttribute("formaction") ?? form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? new Uri(form.Owner!.DocumentUri) : new Uri(new Uri(form.Owner!.DocumentUri), action);
        var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new FormUrlEncodedContent(fields) };
        return client.SendAsync(request);
    }

    public static IHtmlFormElement Form(this IHtmlDocument document, string selector = "main form")
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.QuerySelector(selector) as IHtmlFormElement ?? throw new InvalidOperationException($"No form matches '{selector}'.");
    }

    public static string MainText(this IHtmlDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.QuerySelector("main")?.TextContent ?? string.Empty;
    }

    public static string Location(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var location = response.Headers.Location ?? throw new InvalidOperationException($"Expected a redirect, got {(int)response.StatusCode}.");
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }
}
