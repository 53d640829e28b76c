using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Consents;
using Portal.Data;
using Portal.Domain.Consents;

namespace Portal.Tests.Infrastructure;

/// <summary>Looks up the demo family's ids and adds people the demo data does not have.</summary>
public static class Demo
{
    public static async Task<Guid> ChildIdAsync(this PortalFactory factory, string name)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Children.Where(child => child.Name == name).Select(child => child.Id).SingleAsync();
    }

    public static async Task<string> CreateUserAsync(this PortalFactory factory, string email, string name, string role)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
        Assert.True((await users.CreateAsync(user, DemoLogins.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user.Id;
    }

    /// <summary>
    /// Sofie gives Sundhedsplejen her consent for the child's network meetings in code, as a form does it: load, decide and
    /// save in one transaction, then commit it or roll it back.
    /// </summary>
    public static async Task SofieGivesInCodeAsync(this PortalFactory factory, Guid childId, bool commit)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var book = scope.ServiceProvider.GetRequiredService<ConsentBook>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var consents = await book.LoadAsync(db.Children, childId, tracked: true, CancellationToken.None);
        var sofie = consents!.Required.Single(party => party.Name == "Sofie Jensen");
        Assert.NotNull(book.Decide(consents, PartnerService.HealthVisitors, ConsentPurpose.NetworkMeetings, sofie, ConsentAction.Given, recordedBy: null));
        await db.SaveChangesAsync();
        if (commit)
        {
            await transaction.CommitAsync();
        }
    }

    public static async Task<T> WithDbAsync<T>(this PortalFactory factory, Func<PortalDbContext, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }
}
