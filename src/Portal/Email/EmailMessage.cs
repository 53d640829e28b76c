namespace Portal.Email;

/// <summary>A message ready to send: each feature builds its own, already localized for the recipient.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string HtmlBody, CalendarPart? Calendar = null);

/// <summary>An iCalendar invitation sent along: <paramref name="Method"/> is REQUEST or CANCEL, as in the text itself.</summary>
public sealed record CalendarPart(string Method, string Text);
