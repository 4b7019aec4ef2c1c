using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace CommandCenter.Bench;

/// <summary>Console errors and warnings, page errors, failed requests and HTTP errors seen while measuring, counted per distinct text.</summary>
public sealed class PageIssues
{
    private readonly ConcurrentDictionary<string, int> _counts = new();

    public IEnumerable<(string Text, int Count)> All => _counts.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value));

    public void Watch(IPage page, string label)
    {
        page.Console += (_, m) =>
        {
            if (m.Type is "error" or "warning")
            {
                Add($"{label}: console.{m.Type}: {m.Text}");
            }
        };
        page.PageError += (_, error) => Add($"{label}: page error: {error}");
        page.RequestFailed += (_, r) => Add($"{label}: request failed: {r.Method} {Path(r.Url)} ({r.Failure})");
        page.Response += (_, r) =>
        {
            if (r.Status >= 400)
            {
                Add($"{label}: HTTP {r.Status}: {r.Request.Method} {Path(r.Url)}");
            }
        };
    }

    private void Add(string text) => _counts.AddOrUpdate(text.Length > 300 ? text[..300] + "…" : text, 1, (_, n) => n + 1);

    private static string Path(string url) => Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.PathAndQuery : url;
}
