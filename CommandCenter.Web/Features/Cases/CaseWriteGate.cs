namespace CommandCenter.Web.Features.Cases;

/// <summary>
/// Serialises case writes in this process from commit to broadcast, so live events leave in sequence order;
/// a PostgreSQL advisory lock does the same across instances.
/// </summary>
public sealed class CaseWriteGate
{
    public const long AdvisoryLockKey = 20_261_126;

    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        return new Releaser(_gate);
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
