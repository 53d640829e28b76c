using Microsoft.Playwright;
using Portal.Data;

namespace Portal.BrowserTests;

/// <summary>
/// One plan that everyone around the child works in, on a phone: the caseworker adds Oskar's teacher with the parents'
/// consent as the basis, the teacher reads the plan and writes an evaluation, and a parent reads it and sees who read the plan.
/// </summary>
public sealed class ProfessionalTests(PortalServer server) : IClassFixture<PortalServer>
{
    private static string Caseworker => DemoData.Users[3].Email;

    private static string Parent => DemoData.Users[0].Email;

    private static string Teacher => DemoData.Users[6].Email;

    [Fact]
    public async Task A_teacher_added_by_the_caseworker_reads_Oskar_s_plan_writes_an_evaluation_and_the_parent_sees_both()
    {
        var caseworker = await server.NewPhoneAsync();
        await Phone.LogInAsync(caseworker, Caseworker);
        await caseworker.GetByRole(AriaRole.Link, new() { Name = "Oskar Jensen" }).ClickAsync();
        await caseworker.GetByRole(AriaRole.Link, new() { Name = "Fagpersoner", Exact = true }).ClickAsync();
        Assert.Equal("Fagpersoner omkring Oskar Jensen", await caseworker.Locator("h1").TextContentAsync());
        await Phone.AssertAccessibleAsync(caseworker, "professionals on the case");
        await caseworker.GetByLabel("Fagperson", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Pia Holm, skolen" });
        await caseworker.GetByLabel("Grundlag for at dele planen").FillAsync("Forældrenes skriftlige samtykke af 1. december 2026");
        await caseworker.GetByRole(AriaRole.Button, new() { Name = "Tilføj til sagen" }).ClickAsync();
        Assert.Contains("Fagpersonen er sat på sagen.", await caseworker.GetByRole(AriaRole.Status).TextContentAsync(), StringComparison.Ordinal);

        var teacher = await server.NewPhoneAsync();
        await Phone.LogInAsync(teacher, Teacher);
        Assert.Equal("Børn jeg arbejder med", await teacher.Locator("h1").TextContentAsync());
        await Phone.AssertAccessibleAsync(teacher, "professional's children");
        await teacher.GetByRole(AriaRole.Link, new() { Name = "Se Oskar Jensens plan" }).ClickAsync();
        Assert.Equal("Oskar Jensens plan", await teacher.Locator("h1").TextContentAsync());
        await Phone.AssertAccessibleAsync(teacher, "professional's plan");
        await Phone.SaveScreenshotAsync(teacher, "teacher-plan-360");

        await teacher.GetByRole(AriaRole.Link, new() { Name = "Skriv en evaluering" }).ClickAsync();
        await Phone.AssertAccessibleAsync(teacher, "professional's evaluation");
        await teacher.GetByLabel("Hvad skete der").FillAsync("Oskar har fundet en legekammerat i frikvartererne.");
        await teacher.GetByLabel("Hvad sker der nu").FillAsync("Vi holder øje med morgenerne.");
        await teacher.GetByLabel("Fagpersonernes svar").SelectOptionAsync("7");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Gem evalueringen" }).ClickAsync();
        Assert.Contains("Planen er gemt.", await teacher.GetByRole(AriaRole.Status).TextContentAsync(), StringComparison.Ordinal);

        // Her own intervention, serving a guiding mark, which she can end again from the plan.
        await teacher.GetByRole(AriaRole.Link, new() { Name = "Tilføj en indsats" }).ClickAsync();
        await teacher.GetByLabel("Hvad sker der").FillAsync("Lektiecafé om torsdagen");
        await teacher.GetByLabel("Sammenhænge").CheckAsync();
        await Phone.AssertAccessibleAsync(teacher, "professional's intervention");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Gem indsatsen" }).ClickAsync();
        await teacher.GetByRole(AriaRole.Link, new() { Name = "Afslut indsatsen Lektiecafé om torsdagen" }).ClickAsync();
        Assert.Equal("Afslut din indsats", await teacher.Locator("h1").TextContentAsync());
        await Phone.AssertAccessibleAsync(teacher, "professional ends her intervention");

        var parent = await server.NewPhoneAsync();
        await Phone.LogInAsync(parent, Parent);
        await parent.GetByRole(AriaRole.Link, new() { Name = "Se Oskar Jensens plan" }).ClickAsync();
        var plan = await parent.Locator("main").TextContentAsync();
        Assert.Contains("Oskar har fundet en legekammerat i frikvartererne.", plan, StringComparison.Ordinal);
        Assert.Contains("Skrevet af Pia Holm, skolen", plan, StringComparison.Ordinal);
        Assert.Contains("Indsats: Lektiecafé om torsdagen (Pia Holm)", plan, StringComparison.Ordinal);
        Assert.Contains("Her er vi nu", plan, StringComparison.Ordinal);
        await Phone.AssertAccessibleAsync(parent, "plan with the teacher's evaluation, the cycle and the chart");
        await Phone.SaveScreenshotAsync(parent, "parent-plan-with-teacher-360");

        await parent.GetByRole(AriaRole.Link, new() { Name = "Hvem har set planen" }).ClickAsync();
        Assert.Contains("Pia Holm, skolen", await parent.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("Lars Holm, sagsbehandler", await parent.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        await Phone.AssertAccessibleAsync(parent, "who has seen the plan");
    }

    [Fact]
    public async Task The_early_help_page_and_the_administrator_s_staff_pages_work_on_a_phone()
    {
        var visitor = await server.NewPhoneAsync();
        await visitor.GotoAsync("/");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Bekymret for et barn eller en ung? Se, hvor du kan få hjælp" }).ClickAsync();
        Assert.Equal("Bekymret for et barn eller en ung?", await visitor.Locator("h1").TextContentAsync());
        await Phone.AssertAccessibleAsync(visitor, "early help");

        var admin = await server.NewPhoneAsync();
        await Phone.LogInAsync(admin, DemoData.Users[5].Email);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Medarbejdere og fagpersoner" }).ClickAsync();
        await Phone.AssertAccessibleAsync(admin, "staff");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Invitér en medarbejder eller fagperson" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Send invitationen" }).ClickAsync();
        Assert.Contains("Vælg, hvad personen skal være i portalen.", await admin.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        await Phone.AssertAccessibleAsync(admin, "invite with errors");

        var caseworker = await server.NewPhoneAsync();
        await Phone.LogInAsync(caseworker, Caseworker);
        await caseworker.GetByRole(AriaRole.Link, new() { Name = "Emma Jensen" }).ClickAsync();
        await caseworker.GetByRole(AriaRole.Link, new() { Name = "Evalueringer", Exact = true }).ClickAsync();
        await Phone.AssertAccessibleAsync(caseworker, "evaluations with the scale");
        await caseworker.GetByRole(AriaRole.Link, new() { Name = "Indsatser", Exact = true }).ClickAsync();
        await Phone.AssertAccessibleAsync(caseworker, "interventions with the guiding marks");
    }
}
