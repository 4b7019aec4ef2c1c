namespace CommandCenter.Tests.Support;

/// <summary>A test class of the shared city: whatever cases it wrote are gone when it is done.</summary>
public abstract class CityTest(CommandCenterFactory app) : IAsyncLifetime
{
    protected CommandCenterFactory App { get; } = app;

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => App.ForgetCasesAsync();
}
