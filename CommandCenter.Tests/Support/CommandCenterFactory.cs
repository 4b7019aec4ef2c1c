using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Tests.Support;

/// <summary>
/// The real app on a real Kestrel port against the tests' PostGIS database: the database is dropped,
/// migrated and the demo city imported once when the factory starts.
/// </summary>
public sealed class CommandCenterFactory : WebApplicationFactory<Program>
{
    public CommandCenterFactory() => UseKestrel(0);

    /// <summary>The base address browsers use, e.g. http://127.0.0.1:41234.</summary>
    public Uri ServerAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:CommandCenter", TestDatabase.ConnectionString);
        builder.UseSetting("Database:Reset", "true");
        builder.UseSetting("Database:CityDataPath", RepoPaths.GisData);
        builder.UseSetting("urls", "http://127.0.0.1:0");
    }
}
