using CommandCenter.Web.Features.History;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Tests.Support;

/// <summary>A small generated history in the tests' database: about 3,000 cases a year over 13 months up to the fake clock's now.</summary>
public static class HistorySlice
{
    public const int CasesPerYear = 3_000;

    public static async Task<HistoryResult> LoadAsync(CommandCenterFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var loader = scope.ServiceProvider.GetRequiredService<HistoryLoader>();
        return await loader.LoadAsync(new HistoryOptions { CasesPerYear = CasesPerYear, Months = 13, Seed = 7, Until = app.Time.GetUtcNow() });
    }
}
