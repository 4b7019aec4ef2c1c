namespace CommandCenter.Web.Components;

/// <summary>
/// Runs one unit of work in its own DI scope. Blazor circuits live for hours; a fresh DbContext per operation
/// keeps reads current and lets several components on a page query at once.
/// </summary>
public static class ScopedServices
{
    public static async Task<TResult> RunAsync<TService, TResult>(this IServiceScopeFactory scopes, Func<TService, Task<TResult>> work)
        where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
