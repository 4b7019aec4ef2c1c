using CommandCenter.Domain.Geography;
using CommandCenter.Web.City;
using CommandCenter.Web.Data;
using CommandCenter.Web.Data.Import;
using CommandCenter.Web.Features.Admin;
using CommandCenter.Web.Features.Auth;
using CommandCenter.Web.Features.Cases;
using CommandCenter.Web.Features.Citizen;
using CommandCenter.Web.Features.Map;
using CommandCenter.Web.Features.Photos;
using CommandCenter.Web.Features.Wall;
using CommandCenter.Web.Features.Zones;
using CommandCenter.Web.Live;
using CommandCenter.Web.Localization;
using CommandCenter.Web.Rules;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;
using Npgsql;

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
        connectionString = DatabaseConnection.WithDatabase(connectionString, builder.Configuration["Database:Name"]);
        var sourceBuilder = new NpgsqlDataSourceBuilder(DatabaseConnection.Tune(connectionString));
        sourceBuilder.UseNetTopologySuite();
        sourceBuilder.UsePhysicalConnectionInitializer(DatabaseConnection.Warm, DatabaseConnection.WarmAsync);
        var dataSource = sourceBuilder.Build();
        services.AddSingleton(dataSource);
        services.AddDbContext<CommandCenterDb>(o => o.UseNpgsql(dataSource, npgsql => npgsql.UseNetTopologySuite()));
        services.Configure<DatabaseOptions>(builder.Configuration.GetSection("Database"));
        services.AddScoped<CityImporter>();
        services.AddSingleton<CityGeography>();

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new CityClock(
            sp.GetRequiredService<TimeProvider>(),
            TimeZoneInfo.FindSystemTimeZoneById(builder.Configuration["City:TimeZone"] ?? CityClock.DefaultZoneId)));

        // The change bus: the follower reads the logs, the feed and the hub hand on what it read.
        services.AddSingleton<LiveFeed>();
        services.AddSingleton<HubBroadcaster>();
        services.AddSingleton<HubLeadership>();
        services.AddHostedService(sp => sp.GetRequiredService<HubLeadership>());
        services.AddSingleton<ChangeFollower>();
        services.AddHostedService(sp => sp.GetRequiredService<ChangeFollower>());

        services.AddSingleton<CaseRulesProvider>();
        services.AddSingleton<Data.Cases.CaseInsertQueue>();
        services.AddScoped<CaseService>();
        services.AddScoped<Features.History.HistoryLoader>();
        services.AddScoped<Features.Evaluation.EvaluationCountQueries>();
        services.AddScoped<Features.Evaluation.EvaluationSettingsStore>();
        services.AddScoped<Features.Evaluation.EvaluationService>();
        services.AddScoped<Features.Evaluation.PracticeFigures>();
        services.AddScoped<Features.Analytics.AnalyticsQueries>();
        services.AddScoped<Features.Analytics.AnalyticsNames>();
        services.AddScoped<Features.Reports.ReportBuilder>();
        services.AddHostedService<ClockWatcher>();
        services.AddScoped<CaseQueries>();
        services.AddScoped<CaseMapQueries>();
        services.AddScoped<Features.Tiles.VectorTiles>();
        services.AddSingleton<Features.Tiles.TileCache>();
        services.AddSingleton<Features.Tiles.TileSeeder>();
        services.AddHostedService(sp => sp.GetRequiredService<Features.Tiles.TileSeeder>());
        services.AddScoped<WallStatistics>();
        services.AddSingleton<WallFigures>();
        services.AddScoped<RulesAdministration>();
        services.AddScoped<Features.Alerts.AlertService>();
        services.AddVendorZonesAndKiosks();
        services.AddScoped<PhotoStore>();
        // 街巷长 and 马路局长: chiefs, scorecards, escalation; roster, patrols and the director's figures.
        services.AddScoped<Features.Streets.StreetChiefSeeder>();
        services.AddScoped<Features.Streets.StreetDirectory>();
        services.AddScoped<Features.Streets.ChiefScorecards>();
        services.AddScoped<Features.Streets.EscalationSettings>();
        services.AddHostedService<Features.Streets.EscalationWatcher>();
        services.AddScoped<ChecklistReporter>();
        services.AddScoped<Features.Duty.RosterSeeder>();
        services.AddScoped<Features.Duty.DutyRoster>();
        services.AddScoped<Features.Duty.PatrolService>();
        services.AddScoped<Features.Duty.PatrolViews>();
        services.AddScoped<Features.Duty.RoadDirectorFigures>();
        services.AddScoped<Messages>();
        services.Configure<PhotoOptions>(builder.Configuration.GetSection("Media"));
        services.AddOpsHub(builder.Configuration);
        services.AddCitizenIntake(builder.Configuration);
        // Sign-in cookies and tokens must outlive a restart or redeploy, or wall displays fall back to the login page.
        if (builder.Configuration["DataProtection:KeysPath"] is { Length: > 0 } keys)
        {
            services.AddDataProtection().SetApplicationName("CommandCenter").PersistKeysToFileSystem(new DirectoryInfo(keys));
        }
        services.AddCommandCenterAuth(builder.Configuration);

        // Bodiless refusals (401, 403, 404, 405 …) get problem details titled in the request's language too.
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Title = ctx.HttpContext.RequestServices.GetRequiredService<Messages>().Title(ctx.ProblemDetails.Status ?? 500);
        });
        // The database away first: 503 with Retry-After and an emptied pool; then every other API failure.
        services.AddExceptionHandler<Problems.DatabaseUnavailable>();
        services.AddExceptionHandler<Problems.ApiExceptionHandler>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new Problems.FiniteDoubleConverter()));
        // Long query strings reach the app (and get a field error) instead of Kestrel's bodiless 414.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestLineSize = 64 * 1024);
        // Binding failures throw, so the handler can name the field and the type it expected.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddCommandCenterLocalization();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        return builder;
    }
}
