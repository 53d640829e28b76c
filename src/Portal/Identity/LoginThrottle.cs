using System.Collections.Concurrent;

namespace Portal.Identity;

/// <summary>
/// A soft lockout: wrong passwords for one account from one client address make that address wait, longer after each
/// failure (5 s after the third, doubling, at most 15 minutes). Strangers guessing from elsewhere slow only themselves
/// down, so the parent's own correct password still works from home. Identity's lockout stays behind it as the hard
/// stop against guessing from many addresses (<see cref="IdentitySetup.LockoutAfterFailures"/>, counted in the database).
/// Kept in memory, per instance: with two instances a guesser gets at most twice the tries.
/// </summary>
public sealed class LoginThrottle(TimeProvider clock)
{
    public const int FreeFailures = 2;
    private static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(15);
    private const int MaxTracked = 50_000;

    private readonly ConcurrentDictionary<(string Account, string Address), Failures> _failures = new();

    /// <summary>How long this address must still wait before trying this account again, or null.</summary>
    public TimeSpan? WaitBeforeNextTry(string account, string address)
    {
        if (!_failures.TryGetValue(Key(account, address), out var failures))
        {
            return null;
        }

        var wait = failures.Last + WaitAfter(failures.Count) - clock.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : null;
    }

    public void Failed(string account, string address)
    {
        var now = clock.GetUtcNow();
        if (_failures.Count >= MaxTracked)
        {
            Forget(now);
        }

        _failures.AddOrUpdate(Key(account, address), _ => new Failures(1, now), (_, old) =>
            now - old.Last > LongestWait ? new Failures(1, now) : new Failures(old.Count + 1, now));
    }

    public void Succeeded(string account, string address) => _failures.TryRemove(Key(account, address), out _);

    private static TimeSpan WaitAfter(int failures) => failures <= FreeFailures
        ? TimeSpan.Zero
        : TimeSpan.FromTicks(Math.Min(LongestWait.Ticks, FirstWait.Ticks << Math.Min(failures - FreeFailures - 1, 20)));

    private void Forget(DateTimeOffset now)
    {
        foreach (var (key, failures) in _failures)
        {
            if (now - failures.Last > LongestWait)
            {
                _failures.TryRemove(key, out _);
            }
        }
    }

    private static (string, string) Key(string account, string address) => (account.Trim().ToUpperInvariant(), address);

    private sealed record Failures(int Count, DateTimeOffset Last);
}
