using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain;
using Portal.Domain.Meetings;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Email;

/// <summary>
/// The mail a change owes is added by the save itself, whoever makes the change: a page, a round, or code that has
/// never heard of mail. And it is part of that save: a change rolled back owes nothing.
/// </summary>
public sealed class OwedMailTests : IDisposable
{
    private static readonly Actor Caseworker = new("owed-mail-test", "Lars Holm", ActorRole.Caseworker);

    private readonly PortalFactory _factory = new();

    [Fact]
    public async Task A_consent_decision_saved_anywhere_brings_its_receipt_and_the_word_to_the_other_parent()
    {
        var oskar = await _factory.ChildIdAsync("Oskar Jensen");

        await _factory.SofieGivesInCodeAsync(oskar, commit: true);

        var mail = await MailAsync();
        // Written outside any request, so in Danish.
        Assert.Contains(mail, message => message.To == "sofie@demo.familieportalen.dk" && message.TextBody.Contains("Sundhedsplejen", StringComparison.Ordinal) && message.TextBody.Contains("Oskar", StringComparison.Ordinal));
        Assert.Contains(mail, message => message.To == "anders@demo.familieportalen.dk" && message.TextBody.Contains("Anders", StringComparison.Ordinal));
        Assert.Equal(2, mail.Count);
    }

    [Fact]
    public async Task A_decision_rolled_back_owes_no_mail()
    {
        var oskar = await _factory.ChildIdAsync("Oskar Jensen");

        await _factory.SofieGivesInCodeAsync(oskar, commit: false);

        Assert.Empty(await MailAsync());
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Consents.CountAsync(consent => consent.ChildId == oskar)));
    }

    [Fact]
    public async Task A_meeting_moved_in_code_sends_the_update_to_every_invitee_and_the_family()
    {
        var emma = await _factory.ChildIdAsync("Emma Jensen");
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var meeting = await db.NetworkMeetings.SingleAsync(item => item.ChildId == emma);
            meeting.Move(meeting.StartsAt.AddDays(1), meeting.EndsAt.AddDays(1), "Rådhuset", null, Caseworker, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        var mail = await MailAsync();
        Assert.Contains(mail, message => message.To == "pia.holm@skole.example" && message.TextBody.Contains("Rådhuset", StringComparison.Ordinal));
        Assert.Contains(mail, message => message.To == "sofie@demo.familieportalen.dk");
        Assert.Contains(mail, message => message.To == "anders@demo.familieportalen.dk");
        Assert.Contains(mail, message => message.To == "emma@demo.familieportalen.dk");

        // Saved again with nothing changed: nothing more is owed.
        var count = mail.Count;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            _ = await db.NetworkMeetings.SingleAsync(item => item.ChildId == emma);
            await db.SaveChangesAsync();
        }

        Assert.Equal(count, (await MailAsync()).Count);
    }

    public void Dispose() => _factory.Dispose();

    private Task<List<Portal.Email.OutboxMessage>> MailAsync() => _factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync());
}
