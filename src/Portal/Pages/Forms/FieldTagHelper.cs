using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Portal.Pages.Forms;

/// <summary>
/// A field written with <c>asp-for</c>, after MVC's own tag helpers: in error it says so at the field ("Fejl: …" before
/// it, <c>aria-invalid</c>), and it points a screen reader to its hint and its error with <c>aria-describedby</c>. The
/// browser's <c>maxlength</c>, which MVC adds from the length rule, is taken off: pasted text over the limit would be cut
/// without a word and the shortened text saved. The server refuses it instead ("må højst være … tegn") and keeps what
/// was written; a long-text field says its limit beforehand.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
public sealed class FieldTagHelper(IStringLocalizer<SharedResource> text) : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = default!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    /// <summary>After MVC's input, textarea and select tag helpers (order -1000), so their attributes are there to change.</summary>
    public override int Order => 0;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        output.Attributes.RemoveAll("maxlength");
        if (output.Attributes["type"]?.Value?.ToString() is "hidden")
        {
            return;
        }

        // The group around the field knows its hint; a field outside a group of its own stands alone.
        var own = FormGroup.For(ViewContext, For);
        var group = context.Items.TryGetValue(typeof(FormGroup), out var item) && item is FormGroup parent && parent.Name == own.Name ? parent : own;

        string? limitId = null;
        if (output.TagName == "textarea" && MaximumLength(For) is { } maximum)
        {
            limitId = group.FieldId + "-limit";
            var limit = new TagBuilder("span");
            limit.AddCssClass("form-hint");
            limit.Attributes["id"] = limitId;
            limit.InnerHtml.Append(text["Form.AtMost", maximum].Value);
            output.PreElement.AppendHtml(limit);
        }

        if (group.Error is not null)
        {
            output.PreElement.AppendHtml(group.ErrorMessage(text["Form.ErrorPrefix"].Value));
            output.Attributes.SetAttribute("aria-invalid", "true");
        }

        if (group.DescribedBy(limitId) is { } describedBy)
        {
            output.Attributes.SetAttribute("aria-describedby", describedBy);
        }
    }

    private static int? MaximumLength(ModelExpression field) =>
        field.Metadata.ValidatorMetadata.OfType<StringLengthAttribute>().FirstOrDefault()?.MaximumLength
        ?? field.Metadata.ValidatorMetadata.OfType<MaxLengthAttribute>().FirstOrDefault()?.Length;
}

/// <summary>A hint (<c>form-hint</c>) inside a form group gets an id, which the group's field or fieldset points to.</summary>
[HtmlTargetElement("span", Attributes = "class")]
[HtmlTargetElement("p", Attributes = "class")]
public sealed class HintTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        if (!context.Items.TryGetValue(typeof(FormGroup), out var item) || item is not FormGroup group
            || output.Attributes["class"]?.Value?.ToString()?.Split(' ').Contains("form-hint") != true)
        {
            return;
        }

        if (output.Attributes["id"]?.Value?.ToString() is { Length: > 0 } id)
        {
            group.HintId = id;
        }
        else
        {
            group.HintId = group.FieldId + "-hint";
            output.Attributes.SetAttribute("id", group.HintId);
        }
    }
}

/// <summary>A fieldset's error is shown right under its legend, where the design system puts it.</summary>
[HtmlTargetElement("legend")]
public sealed class LegendTagHelper(IStringLocalizer<SharedResource> text) : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        if (context.Items.TryGetValue(typeof(FormGroup), out var item) && item is FormGroup { Error: not null } group)
        {
            output.PostElement.AppendHtml(group.ErrorMessage(text["Form.ErrorPrefix"].Value));
        }
    }
}
