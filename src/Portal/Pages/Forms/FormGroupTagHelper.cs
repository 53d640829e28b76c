using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Portal.Pages.Forms;

/// <summary>
/// A form group (the design system's <c>form-group</c>: a div around one field, or a fieldset around choices) that
/// knows its field. When the field has an error the group gets the red bar, and the error is shown at the field
/// itself ("Fejl: …", <see cref="FieldTagHelper"/> and <see cref="LegendTagHelper"/>); the group's hint gets an id
/// (<see cref="HintTagHelper"/>), so the field can point a screen reader to both with <c>aria-describedby</c>.
/// </summary>
[HtmlTargetElement("div", Attributes = "portal-error-for")]
[HtmlTargetElement("fieldset", Attributes = "portal-error-for")]
public sealed class FormGroupTagHelper : TagHelper
{
    [HtmlAttributeName("portal-error-for")]
    public ModelExpression For { get; set; } = default!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);

        var group = FormGroup.For(ViewContext, For);
        context.Items[typeof(FormGroup)] = group;
        await output.GetChildContentAsync();

        if (group.Error is not null)
        {
            output.AddClass("form-error", System.Text.Encodings.Web.HtmlEncoder.Default);
        }

        if (output.TagName == "fieldset")
        {
            // The error summary links here; the legend, the hint and the error are the group's description.
            if (!output.Attributes.ContainsName("id"))
            {
                output.Attributes.SetAttribute("id", group.FieldId);
                output.Attributes.SetAttribute("tabindex", "-1");
            }

            if (group.DescribedBy() is { } describedBy)
            {
                output.Attributes.SetAttribute("aria-describedby", describedBy);
            }
        }
    }
}

/// <summary>What a form group's children tell each other: the field's id, its hint's id, and its error.</summary>
public sealed class FormGroup(string name, string fieldId, string? error)
{
    public string Name => name;

    public string FieldId => fieldId;

    public string? Error => error;

    public string ErrorId => fieldId + "-error";

    public string? HintId { get; set; }

    /// <summary>The field's group as the form stands: its full name, its id, and its first error, if any.</summary>
    public static FormGroup For(ViewContext viewContext, ModelExpression field)
    {
        ArgumentNullException.ThrowIfNull(viewContext);
        ArgumentNullException.ThrowIfNull(field);

        // Inside a partial given for="Input", the field's full name carries the prefix.
        var name = viewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(field.Name);
        var error = viewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;
        return new FormGroup(name, IdOf(name), error);
    }

    /// <summary>The id MVC gives the field of this name (<c>Input.Email</c> → <c>Input_Email</c>), which the error summary links to.</summary>
    public static string IdOf(string name) => TagBuilder.CreateSanitizedId(name, "_");

    public string? DescribedBy(params string?[] more)
    {
        var ids = new[] { HintId }.Concat(more).Append(Error is null ? null : ErrorId).OfType<string>().ToList();
        return ids.Count == 0 ? null : string.Join(' ', ids);
    }

    /// <summary>The design system's field error: "Fejl:" for a screen reader, then the message, with the id the field points to.</summary>
    public TagBuilder ErrorMessage(string errorPrefix)
    {
        var message = new TagBuilder("span");
        message.AddCssClass("form-error-message");
        message.Attributes["id"] = ErrorId;
        var prefix = new TagBuilder("span");
        prefix.AddCssClass("sr-only");
        prefix.InnerHtml.Append(errorPrefix + " ");
        message.InnerHtml.AppendHtml(prefix);
        message.InnerHtml.Append(Error ?? string.Empty);
        return message;
    }
}
