using Microsoft.Playwright;

namespace CommandCenter.Bench;

/// <summary>Looks at a page while it loads (the render diagnostics): before navigation and once the page says it is done.</summary>
public interface IPageDiagnostics
{
    Task BeforeAsync(IPage page);

    Task AfterAsync(IPage page);
}
