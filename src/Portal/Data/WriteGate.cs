namespace Portal.Data;

/// <summary>
/// SQLite allows one writer at a time. Writers in this process queue here, in the application, instead of
/// racing for the file lock. On a server database (several instances) the gate lets everyone through.
/// </summary>
public sealed class WriteGate : IDisposable
{
    private readonly SemaphoreSlim? _oneWriter;

    private WriteGate(bool serialize) => _oneWriter = serialize ? new SemaphoreSlim(1, 1) : null;

    public static WriteGate OneWriterAtATime() => new(serialize: true);

    public static WriteGate Open() => new(serialize: false);

    public async Task<IDisposable> WaitForTurnAsync(CancellationToken cancellationToken)
    {
        if (_oneWriter is null)
        {
            return Turn.None;
        }

        await _oneWriter.WaitAsync(cancellationToken);
        return new Turn(_oneWriter);
    }

    public IDisposable WaitForTurn()
    {
        if (_oneWriter is null)
        {
            return Turn.None;
        }

        _oneWriter.Wait();
        return new Turn(_oneWriter);
    }

    public void Dispose() => _oneWriter?.Dispose();

    private sealed class Turn(SemaphoreSlim? semaphore) : IDisposable
    {
        public static readonly Turn None = new(null);

        private SemaphoreSlim? _semaphore = semaphore;

        public void Dispose() => Interlocked.Exchange(ref _semaphore, null)?.Release();
    }
}
