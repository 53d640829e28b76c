namespace Portal.Email;

/// <summary>
/// Wakes the dispatcher when a message has been saved, so mail does not wait for the next poll. Any number of notices
/// before the dispatcher wakes are one wake-up: its round sends everything that is due.
/// </summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    // 1 from the first notice until the dispatcher has woken. Only that first notice releases the semaphore: releasing
    // one already released throws, and under load that was an exception for nearly every save that added mail.
    private int _noticed;

    public void Notify()
    {
        if (Interlocked.Exchange(ref _noticed, 1) == 0)
        {
            _wake.Release();
        }
    }

    /// <summary>
    /// Returns true when notified (at once if a notice came since the last wake-up), false when the timeout passed first.
    /// </summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!await _wake.WaitAsync(timeout, cancellationToken))
        {
            return false;
        }

        // A notice before this line is for mail already committed, which the round about to start finds; one after it
        // wakes the next round.
        Volatile.Write(ref _noticed, 0);
        return true;
    }

    public void Dispose() => _wake.Dispose();
}
