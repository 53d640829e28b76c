using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;

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

    public static async Task<T> WithDbAsync<T>(this PortalFactory factory, Func<PortalDbContext, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }
}
