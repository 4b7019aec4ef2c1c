using System.Diagnostics;

namespace CommandCenter.Bench;

/// <summary>Wall-clock timings of one awaited call after another (no concurrency), in milliseconds.</summary>
public sealed class Timings
{
    private readonly Dictionary<string, List<double>> _samples = new(StringComparer.Ordinal);

    public IReadOnlyList<double> this[string part] => _samples.GetValueOrDefault(part) ?? [];

    /// <summary>Awaits <paramref name="work"/> and, when <paramref name="record"/>, adds its time to <paramref name="part"/>; returns the time.</summary>
    public async Task<double> TimeAsync(string part, bool record, Func<Task> work)
    {
        var started = Stopwatch.GetTimestamp();
        await work();
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Add(part, record, ms);
        return ms;
    }

    public void Add(string part, bool record, double ms)
    {
        if (!record)
        {
            return;
        }
        if (!_samples.TryGetValue(part, out var list))
        {
            _samples[part] = list = [];
        }
        list.Add(ms);
    }

    /// <summary>p50, p95 and max of a part, rounded to 0.1 ms, with the given prefix ("" or "departments ").</summary>
    public IEnumerable<KeyValuePair<string, double>> Figures(string part, string prefix = "")
    {
        var values = this[part];
        yield return new($"{prefix}p50 ms", Math.Round(Percentile.Of([.. values], 50), 1));
        yield return new($"{prefix}p95 ms", Math.Round(Percentile.Of([.. values], 95), 1));
        yield return new($"{prefix}max ms", Math.Round(values.Count == 0 ? double.NaN : values.Max(), 1));
    }

    public double P95(string part) => Percentile.Of([.. this[part]], 95);
}
