using Microsoft.EntityFrameworkCore.Storage;

namespace Portal.Data;

/// <summary>A database transaction that holds this process's write turn until it is disposed.</summary>
public sealed class WriteTransaction(IDbContextTransaction transaction, IDisposable turn) : IAsyncDisposable
{
    public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await transaction.DisposeAsync();
        }
        finally
        {
            turn.Dispose();
        }
    }
}
