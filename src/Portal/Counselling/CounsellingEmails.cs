using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using Portal.Email;

namespace Portal.Counselling;

/// <summary>The one email the line sends: "there is news", with a link to the status page and nothing else.</summary>
public sealed class CounsellingEmails(IStringLocalizer<CounsellingEmails> text)
{
    public EmailMessage OfferNotice(string to, string statusLink)
    {
        var body = text["Body"].Value;
        var code = text["NeedCode"].Value;
        var encode = HtmlEncoder.Default;
        var html = $"<p>{encode.Encode(body)}</p>\n<p><a href=\"{encode.Encode(statusLink)}\">{encode.Encode(statusLink)}</a></p>\n<p>{encode.Encode(code)}</p>\n";
        return new EmailMessage(to, text["Subject"], $"{body}\n\n{statusLink}\n\n{code}\n", html);
    }
}
