using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Portal.Pages.Forms;

/// <summary>
/// Marks a form group as in error (the design system's red bar) when its field has a model error: a group of one
/// field (a div) or of choices (a fieldset of radio buttons).
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

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        // Inside a partial given for="Input", the field's full name carries the prefix.
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        if (ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0)
        {
            output.AddClass("form-error", System.Text.Encodings.Web.HtmlEncoder.Default);
        }
    }
}
