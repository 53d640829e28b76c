using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Meetings;

/// <summary>An address mail or a calendar invitation cannot carry is a clear field error on every meeting form, never a 500.</summary>
public sealed class MeetingEmailInputTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    [Theory]
    [InlineData("form[action*='handler=AddProfessional']", "Professional", "x<script>alert(1)</script>@example.com")]
    [InlineData("form[action*='handler=AddProfessional']", "Professional", "a(b)c@example.com")]
    [InlineData("form[action*='handler=Suggest']", "Suggestion", "x<script>alert(1)</script>@example.com")]
    [InlineData("form[action*='handler=Suggest']", "Suggestion", "søren@example.dk")]
    public async Task The_caseworker_s_forms_refuse_the_address_with_a_field_error_and_keep_what_was_typed(string formSelector, string prefix, string address)
    {
        var emma = await _factory.ChildIdAsync("Emma Jensen");
        var meetingId = await _factory.WithDbAsync(db => db.NetworkMeetings.Where(meeting => meeting.ChildId == emma).Select(meeting => meeting.Id).FirstAsync());
        using var caseworker = _factory.CreateClient();
        await caseworker.LogInAsync(DemoLogins.Caseworker);
        var page = await caseworker.GetPageAsync($"/medarbejder/sager/{emma}/moeder/{meetingId}");
        var before = await ParticipantCountAsync(meetingId);

        var values = new Dictionary<string, string> { [prefix + ".Name"] = "Ole Berg", [prefix + ".Email"] = address };
        values[prefix == "Professional" ? "Professional.Role" : "Suggestion.Relation"] = "SSP-medarbejder";
        using var response = await caseworker.SubmitAsync(page.Form(formSelector), values);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await Html.ReadAsync(response);
        var field = answer.QuerySelector($"input[name='{prefix}.Email']")!;
        Assert.Equal(address, field.GetAttribute("value"));
        Assert.Contains("Skriv en e-mailadresse, som mail kan sendes til", answer.MainText(), StringComparison.Ordinal);
        Assert.Equal(before, await ParticipantCountAsync(meetingId));
    }

    [Fact]
    public async Task The_young_person_s_support_person_with_an_impossible_address_is_a_field_error()
    {
        var emma = await _factory.ChildIdAsync("Emma Jensen");
        var meetingId = await _factory.WithDbAsync(db => db.NetworkMeetings.Where(meeting => meeting.ChildId == emma).Select(meeting => meeting.Id).FirstAsync());
        using var youth = _factory.CreateClient();
        await youth.LogInAsync(DemoLogins.Youth);
        var page = await youth.GetPageAsync($"/moeder/{emma}/{meetingId}");

        using var response = await youth.SubmitAsync(page.Form("form[action*='handler=Support']"), new Dictionary<string, string>
        {
            ["Support.Name"] = "Jonas",
            ["Support.Email"] = "x<script>alert(1)</script>@example.com",
            ["Support.Born"] = "2000-01-01",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Skriv en e-mailadresse, som mail kan sendes til", (await Html.ReadAsync(response)).MainText(), StringComparison.Ordinal);
    }

    private Task<int> ParticipantCountAsync(Guid meetingId) =>
        _factory.WithDbAsync(db => db.NetworkMeetings.Where(meeting => meeting.Id == meetingId).SelectMany(meeting => meeting.Participants).CountAsync());

    public void Dispose()
    {
        _factory.Dispose();
        _factory.DeleteDataFolder();
    }
}
