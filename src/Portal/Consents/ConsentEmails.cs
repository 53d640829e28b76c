using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using Portal.Domain;
using Portal.Domain.Consents;
using Portal.Email;

namespace Portal.Consents;

/// <summary>The receipt after each decision, the notice to the other custody holder, and the reminder before expiry.</summary>
public sealed class ConsentEmails(IStringLocalizer<ConsentEmails> text)
{
    public EmailMessage Receipt(string to, ConsentDecision decision, string title, string consentsLink)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var lines = new List<string>
        {
            text["Greeting", decision.PartyName],
            decision.Action == ConsentAction.Given ? text["Given", title] : text["Revoked", title],
            text["When", Time(decision.At)],
            decision.Method == ConsentMethod.Oral ? text["MethodOral", decision.RecordedByName ?? string.Empty] : text["MethodPortal"],
        };
        if (decision.ExpiresAt is { } expires)
        {
            lines.Add(text["Expires", Time(expires)]);
        }

        lines.Add(text["HowToRevoke", consentsLink]);
        lines.Add(text["Wording", decision.WordingVersion]);
        var subject = decision.Action == ConsentAction.Given ? text["SubjectGiven"] : text["SubjectRevoked"];
        return Message(to, subject, lines, decision.WordingText);
    }

    public EmailMessage WaitingForYou(string to, string name, string title, string consentsLink) =>
        Message(to, text["SubjectWaiting"], [text["Greeting", name], text["Waiting", title], text["YouDecide"], text["Link", consentsLink]], null);

    public EmailMessage ExpiresSoon(string to, string name, string title, DateTimeOffset expiresAt, string consentsLink) =>
        Message(to, text["SubjectExpires"], [text["Greeting", name], text["ExpiresSoon", title, Time(expiresAt)], text["Renew"], text["Link", consentsLink]], null);

    private static string Time(DateTimeOffset instant) =>
        DanishTime.ToDanish(instant).ToString("d. MMMM yyyy 'kl.' HH.mm", CultureInfo.CurrentCulture);

    private static EmailMessage Message(string to, string subject, IReadOnlyList<string> lines, string? quoted)
    {
        var encode = HtmlEncoder.Default;
        var html = string.Concat(lines.Select(line => $"<p>{encode.Encode(line)}</p>\n"))
            + (quoted is null ? string.Empty : $"<blockquote>{string.Concat(quoted.Split("\n\n").Select(paragraph => $"<p>{encode.Encode(paragraph)}</p>"))}</blockquote>\n");
        var plain = string.Join("\n\n", lines) + (quoted is null ? string.Empty : "\n\n" + quoted) + "\n";
        return new EmailMessage(to, subject, plain, html);
    }
}
