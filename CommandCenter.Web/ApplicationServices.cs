using CommandCenter.Domain.Geography;
using CommandCenter.Web.Data;
using CommandCenter.Web.Data.Import;
using CommandCenter.Web.Features.Auth;
using CommandCenter.Web.Features.Cases;
using CommandCenter.Web.Features.Live;
using CommandCenter.Web.Features.Localization;
using CommandCenter.Web.Features.Photos;
using CommandCenter.Web.Features.Map;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;

namespace CommandCenter.Web;

/// <summary>Everything the app registers, in one place so Program.cs stays a screen long.</summary>
public static class ApplicationServices
{
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Serve package assets (MudBlazor's CSS/JS) from the build output in every environment, not only Development;
        // a published app has them in wwwroot and this is a no-op there.
        builder.WebHost.UseStaticWebAssets();
        var connectionString = builder.Configuration.GetConnectionString("CommandCenter")
            ?? throw new InvalidOperationException("ConnectionStrings:CommandCenter is not set (./run.sh sets it for the local PostGIS).");
        services.AddDbContext<CommandCenterDb>(o => o.UseNpgsql(connectionString, npgsql => npgsql.UseNetTopologySuite()));
        services.Configure<DatabaseOptions>(builder.Configuration.GetSection("Database"));
        services.AddScoped<CityImporter>();
        services.AddSingleton<CityGeography>();

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new CityClock(
            sp.GetRequiredService<TimeProvider>(),
            TimeZoneInfo.FindSystemTimeZoneById(builder.Configuration["City:TimeZone"] ?? CityClock.DefaultZoneId)));

        services.AddSingleton<CaseRulesProvider>();
        services.AddSingleton<CaseWriteGate>();
        services.AddSingleton<LiveCaseFeed>();
        services.AddScoped<CaseService>();
        services.AddScoped<CaseQueries>();
        services.AddScoped<CaseMapQueries>();
        services.AddScoped<Features.Wall.WallStatistics>();
        services.AddScoped<Features.Admin.RulesAdministration>();
        services.AddScoped<PhotoStore>();
        services.Configure<PhotoOptions>(builder.Configuration.GetSection("Media"));
        services.AddSignalR();
        // Sign-in cookies and tokens must outlive a restart or redeploy, or wall displays fall back to the login page.
        if (builder.Configuration["DataProtection:KeysPath"] is { Length: > 0 } keys)
        {
            services.AddDataProtection().SetApplicationName("CommandCenter").PersistKeysToFileSystem(new DirectoryInfo(keys));
        }
        services.AddCommandCenterAuth();

        services.AddProblemDetails();
        services.AddCommandCenterLocalization();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        return builder;
    }
}
