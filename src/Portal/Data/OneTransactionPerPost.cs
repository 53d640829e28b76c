using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Localization;

namespace Portal.Data;

/// <summary>
/// The write seam of every form: a POST handler runs in one database transaction, opened here and nowhere else, so a
/// handler only loads, calls one domain method and saves. The transaction commits when the handler succeeded (no
/// exception, no refused field, no 4xx answer) and is rolled back otherwise, so a refused form changes nothing, not even
/// what Identity saved on the way. On SQLite it is an immediate transaction taken in turn (one writer); on PostgreSQL an
/// ordinary one, where row locks and unique constraints keep writers apart.
/// </summary>
public sealed class OneTransactionPerPost : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<NoFormTransactionAttribute>() is not null

            // The account pages are Identity's own routine: each change it makes (a failed login counted towards the
            // lockout, a new security stamp) is saved at once and must stay, even when the page answers with an error.
            || context.ActionDescriptor.AreaName == "Identity")
        {
            await next();
            return;
        }

        var db = context.HttpContext.RequestServices.GetRequiredService<PortalDbContext>();
        var cancellationToken = context.HttpContext.RequestAborted;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var executed = await next();
            if (executed.Exception is DbUpdateException and not DbUpdateConcurrencyException && !executed.ExceptionHandled)
            {
                // The same form sent twice at once, or two people doing the same thing at the same moment: the database's
                // own rule (a key, a unique index) stopped the second. Nothing of it is saved; the person sees the page
                // again as it is now, with a word on what happened, instead of an error page.
                executed.ExceptionHandled = true;
                var text = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                var messages = context.HttpContext.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(context.HttpContext);
                messages["StatusMessage"] = text["Form.DoneMeanwhile"].Value;
                var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(request.QueryString.Value);
                query.Remove("handler");
                executed.Result = new RedirectResult(request.PathBase.Add(request.Path) + QueryString.Create(query).ToUriComponent());
            }
            else if (executed.Exception is null && context.ModelState.IsValid && !IsRefusal(executed.Result) && context.HttpContext.Response.StatusCode < 400)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            // Whatever did not commit is rolled back here, not left to the dispose: the page's connection stays open until
            // the page is written (OneSqliteConnectionPerPage), and SQLite's writer turn is given back at the rollback.
            if (transaction.GetDbTransaction().Connection is not null)
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }
        }
    }

    private static bool IsRefusal(IActionResult? result) => result is Microsoft.AspNetCore.Mvc.Infrastructure.IStatusCodeActionResult { StatusCode: >= 400 };
}

/// <summary>
/// A page whose POST opens no transaction: it writes nothing (the error page, re-executed for a failed POST), or hands
/// its one write to a component that commits on its own (joining the counselling line goes through the group commit of
/// <see cref="Counselling.CounsellingArrivals"/>, which a transaction held here would only make wait).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NoFormTransactionAttribute : Attribute;
