using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

internal sealed class PlanModel(FloorDb db) : PageModel
{
    public Guid Id { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public DateOnly Birthday { get; private set; }
    public string Plan { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var parentId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var child = await db.Children.AsNoTracking().SingleOrDefaultAsync(child => child.Id == id && child.ParentId == parentId);
        if (child is null)
        {
            return NotFound();
        }
        (Id, Name, Birthday, Plan) = (child.Id, child.Name, child.Birthday, child.Plan);
        return Page();
    }
}
