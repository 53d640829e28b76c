using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Data;
using Portal.Domain;

namespace Portal.Pages.Forms;

/// <summary>
/// A page whose change can be refused: by a rule of the domain, or because somebody else saved the same thing first.
/// Its handlers are written as if the change succeeds (load, one domain method, save, redirect with a message);
/// <see cref="RefusedChanges"/> answers a refusal in one way for every page.
/// </summary>
public interface IRefusablePage
{
    /// <summary>The message (a resource key) for "somebody else saved this while you were on the page".</summary>
    string ChangedMeanwhileKey => "Form.ChangedMeanwhile";

    /// <summary>The form field a refusal is about, so the message stands next to it; empty for the form as a whole.</summary>
    string FieldFor(DomainException refusal) => string.Empty;

    /// <summary>Draws the page again as it is saved now (with a fresh stamp), keeping what the user typed.</summary>
    Task<IActionResult> ShowAgainAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Answers a refused change on an <see cref="IRefusablePage"/>: the change is forgotten, the reason is shown in the
/// user's language next to the field it concerns, and the page is drawn again with the user's text kept. A refusal
/// that means "no such thing here" (another family's item, one already removed) is a 404, as for any unknown id.
/// Runs inside <see cref="OneTransactionPerPost"/>, which then rolls the transaction back, since the form is in error.
/// </summary>
public sealed class RefusedChanges : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var executed = await next();
        if (executed.ExceptionHandled || context.HandlerInstance is not IRefusablePage page
            || executed.Exception is not (DomainException or DbUpdateConcurrencyException))
        {
            return;
        }

        executed.ExceptionHandled = true;
        if (executed.Exception is DomainException { MeansNotFound: true })
        {
            executed.Result = new NotFoundResult();
            return;
        }

        var services = context.HttpContext.RequestServices;
        var text = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        if (executed.Exception is DomainException refusal)
        {
            context.ModelState.AddDomainError(text, refusal, page.FieldFor(refusal));
        }
        else
        {
            context.ModelState.AddModelError(string.Empty, text[page.ChangedMeanwhileKey]);
        }

        // What the refused change did to the loaded entities is forgotten; the page is drawn from what is saved.
        services.GetRequiredService<PortalDbContext>().ChangeTracker.Clear();
        executed.Result = await page.ShowAgainAsync(context.HttpContext.RequestAborted);
    }
}
