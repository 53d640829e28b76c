using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

// The floor bench/run.sh measures the portal against: a signed-in Razor Page on the portal's stack doing the least such
// a page must. The login cookie is read and its security stamp checked in the database (one query, as the portal does
// on every request), the page reads one row through EF Core from a SQLite file in WAL mode, and a layout draws links
// by page name and a logout form with its antiforgery token. No localization, no roles, no headers of the portal's.
// It serves the portal's own site.css, so the static file is the same bytes. Loopback benchmark only: /sign-in signs
// in the one user it seeds, with no password.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var folder = builder.Configuration["DataFolder"] ?? Path.GetTempPath();
var database = Path.Combine(folder, "floor.db");
builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(folder));
builder.Services.AddDbContextPool<FloorDb>(options => options.UseSqlite($"Data Source={database}"));
builder.Services.AddIdentityCore<IdentityUser>().AddEntityFrameworkStores<FloorDb>().AddSignInManager();
builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
builder.Services.ConfigureApplicationCookie(options =>
{
    options.Cookie.SecurePolicy = CookieSecurePolicy.None; // plain http on loopback, as the benchmark reaches it
    options.Events.OnValidatePrincipal = async context =>
    {
        var id = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stampType = context.HttpContext.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var stamp = context.Principal?.FindFirstValue(stampType);
        var db = context.HttpContext.RequestServices.GetRequiredService<FloorDb>();
        var current = await db.Users.Where(user => user.Id == id).Select(user => user.SecurityStamp).FirstOrDefaultAsync();
        if (current is null || current != stamp)
        {
            context.RejectPrincipal();
        }
    };
});
builder.Services.AddAuthorization();
builder.Services.AddRazorPages(options => options.Conventions.AuthorizeFolder("/"));

var app = builder.Build();
await using (var scope = app.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<FloorDb>();
    if (await db.Database.EnsureCreatedAsync())
    {
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL");
        var parent = new IdentityUser("parent@floor.invalid") { SecurityStamp = Guid.NewGuid().ToString() };
        db.Users.Add(parent);
        db.Children.Add(new Child
        {
            Id = Guid.NewGuid(),
            ParentId = parent.Id,
            Name = "Emil",
            Birthday = new DateOnly(2015, 3, 14),
            Plan = "Emil vil gerne have flere venner i klassen. Vi mødes hver anden uge og taler om, hvordan det går.",
        });
        await db.SaveChangesAsync();
    }
}

app.MapStaticAssets();
app.UseAuthentication();
app.UseAuthorization();
app.MapRazorPages().WithStaticAssets();
app.MapGet("/sign-in", async (FloorDb db, SignInManager<IdentityUser> signIn) =>
{
    var child = await db.Children.SingleAsync();
    await signIn.SignInAsync(await db.Users.SingleAsync(user => user.Id == child.ParentId), isPersistent: false);
    return Results.Redirect($"/plan/{child.Id}");
});
await app.RunAsync();

internal sealed class FloorDb(DbContextOptions<FloorDb> options) : IdentityUserContext<IdentityUser>(options)
{
    public DbSet<Child> Children => Set<Child>();
}

internal sealed class Child
{
    public Guid Id { get; init; }
    public required string ParentId { get; init; }
    public required string Name { get; init; }
    public DateOnly Birthday { get; init; }
    public required string Plan { get; init; }
}
