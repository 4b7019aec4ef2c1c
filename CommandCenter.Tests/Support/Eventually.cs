namespace CommandCenter.Tests.Support;

/// <summary>Waits for something that happens on another thread (a push, a background service) — with a limit, then fails.</summary>
public static class Eventually
{
    public static async Task<T> HoldsAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, string what, int seconds = 15)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        T last;
        do
        {
            last = await probe();
            if (condition(last))
            {
                return last;
            }
            await Task.Delay(50);
        }
        while (DateTime.UtcNow < until);
        Assert.Fail($"{what} did not happen within {seconds} s; last seen: {last}");
        return last;
    }
}
