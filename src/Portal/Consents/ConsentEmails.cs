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
    /// <param name="status">The consent as it stands after the decision: a yes that waits for someone else says so.</param>
    public EmailMessage Receipt(string to, ConsentDecision decision, string title, ConsentStatus status, string consentsLink)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(status);
        var given = decision.Action == ConsentAction.Given;
        var waiting = given && !status.IsValid;
        var lines = new List<string>
        {
            text["Greeting", decision.PartyName],
            !given ? text["Revoked", title] : waiting ? text["GivenWaiting", title, ConsentWordings.Names(status.Missing)] : text["Given", title],
            text["When", Localization.Dates.Time(decision.At)],
            decision.Method == ConsentMethod.Oral ? text["MethodOral", decision.RecordedByName ?? string.Empty] : text["MethodPortal"],
        };
        if (waiting && decision.ExpiresAt is { } yesExpires)
        {
            lines.Add(text["YourYesExpires", Localization.Dates.Time(yesExpires)]);
        }
        else if (status.ValidUntil is { } expires && given)
        {
            lines.Add(text["Expires", Localization.Dates.Time(expires)]);
        }

        lines.Add(text["HowToRevoke", consentsLink]);
        lines.Add(text["Wording", decision.WordingVersion]);
        var subject = !given ? text["SubjectRevoked"] : waiting ? text["SubjectRegistered"] : text["SubjectGiven"];
        return Message(to, subject, lines, decision.WordingText);
    }

    /// <summary>One receipt for several answers given at once (the review at 15): each consent, yes or no, and until when.</summary>
    public EmailMessage Summary(string to, string name, IReadOnlyList<ConsentAnswer> answers, DateTimeOffset at, string consentsLink)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var lines = new List<string> { text["Greeting", name], text["SummaryIntro", answers.Count] };
        lines.AddRange(answers.Select(answer => answer.Action == ConsentAction.Revoked ? text["SummaryNo", answer.Title].Value
            : answer.ValidUntil is { } until ? text["SummaryYes", answer.Title, Localization.Dates.Date(DanishTime.DateOf(until))].Value
            : text["SummaryYesWaiting", answer.Title].Value));
        lines.Add(text["When", Localization.Dates.Time(at)]);
        lines.Add(text["HowToRevoke", consentsLink]);
        lines.Add(text["SummaryWordings"]);
        return Message(to, text["SubjectSummary"], lines, null);
    }

    public EmailMessage WaitingForYou(string to, string name, string title, string consentsLink) =>
        Message(to, text["SubjectWaiting"], [text["Greeting", name], text["Waiting", title], text["YouDecide"], text["Link", consentsLink]], null);

    /// <summary>To a custody holder who said yes first: the other has now said yes too, and the consent is in force.</summary>
    public EmailMessage OtherSaidYes(string to, string name, string title, DateTimeOffset validUntil, string consentsLink) =>
        Message(to, text["SubjectNowValid"], [text["Greeting", name], text["OtherSaidYes", title, Localization.Dates.Time(validUntil)], text["Link", consentsLink]], null);

    /// <summary>To a custody holder whose yes stands: the other has said no, so the consent does not apply.</summary>
    public EmailMessage OtherSaidNo(string to, string name, string title, string consentsLink) =>
        Message(to, text["SubjectOtherSaidNo"], [text["Greeting", name], text["OtherSaidNo", title], text["Link", consentsLink]], null);

    public EmailMessage ExpiresSoon(string to, string name, string title, DateTimeOffset expiresAt, string consentsLink) =>
        Message(to, text["SubjectExpires"], [text["Greeting", name], text["ExpiresSoon", title, Localization.Dates.Time(expiresAt)], text["Renew"], text["Link", consentsLink]], null);

    private static EmailMessage Message(string to, string subject, IReadOnlyList<string> lines, string? quoted)
    {
        var encode = HtmlEncoder.Default;
        var html = string.Concat(lines.Select(line => $"<p>{encode.Encode(line)}</p>\n"))
            + (quoted is null ? string.Empty : $"<blockquote>{string.Concat(quoted.Split("\n\n").Select(paragraph => $"<p>{encode.Encode(paragraph)}</p>"))}</blockquote>\n");
        var plain = string.Join("\n\n", lines) + (quoted is null ? string.Empty : "\n\n" + quoted) + "\n";
        return new EmailMessage(to, subject, plain, html);
    }
}

/// <summary>One answer in a receipt that sums up several: which consent, yes or no, and until when a yes applies.</summary>
public sealed record ConsentAnswer(string Title, ConsentAction Action, DateTimeOffset? ValidUntil);
