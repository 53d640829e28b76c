namespace Portal.Email;

/// <summary>Wakes the dispatcher when a message has been saved, so mail does not wait for the next poll.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Notify()
    {
        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up sends everything that is due.
        }
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        await _pending.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _pending.Dispose();
}
