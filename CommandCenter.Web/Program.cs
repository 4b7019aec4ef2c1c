using CommandCenter.Web;
using CommandCenter.Web.Components;
using CommandCenter.Web.Data;
using CommandCenter.Web.Features.Admin;
using CommandCenter.Web.Features.Alerts;
using CommandCenter.Web.Features.Auth;
using CommandCenter.Web.Features.Cases;
using CommandCenter.Web.Features.Citizen;
using CommandCenter.Web.Features.Health;
using CommandCenter.Web.Live;
using CommandCenter.Web.Features.Photos;
using CommandCenter.Web.Localization;
using CommandCenter.Web.Features.Lookup;
using CommandCenter.Web.Features.Map;
using CommandCenter.Web.Features.Tiles;
using CommandCenter.Web.Identity;
using CommandCenter.Web.Features.Streets;
using CommandCenter.Web.Features.Duty;
using CommandCenter.Web.Features.Zones;
using CommandCenter.Web.Features.Vendors;
using CommandCenter.Web.Features.Kiosks;
using CommandCenter.Web.Features.Enforcement;
using CommandCenter.Web.Features.Evaluation;
using CommandCenter.Web.Features.Analytics;

var builder = WebApplication.CreateBuilder(args);
builder.AddApplicationServices();

var app = builder.Build();
await app.PrepareDatabaseAsync();
if (app.Configuration.GetValue<bool>("Database:PrepareOnly"))
{
    // Migrate and import, then stop: how scripts load a city into a database without serving it.
    return;
}

// APIs answer every failure as problem details (ApiExceptionHandler); pages show the error page.
app.UseExceptionHandler("/Error", createScopeForErrors: true);
if (!app.Environment.IsDevelopment())
{
    app.UseHsts(); // only on requests that came over TLS (behind a proxy: ASPNETCORE_FORWARDEDHEADERS_ENABLED=true)
}
app.UseSecurityHeaders();
// Pages get the friendly not-found page; APIs and hubs get problem details (never a re-executed page).
app.UseWhen(ctx => CultureSetup.IsMachinePath(ctx.Request.Path), api => api.UseStatusCodePages());
app.UseWhen(ctx => !CultureSetup.IsMachinePath(ctx.Request.Path), pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
app.UseRequestLocalization();
app.UseAuthentication();
app.UseSessionCheck();
app.UseRateLimiter();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapHealthApi();
app.MapLayersApi();
app.MapMapApi();
app.MapTilesApi();
app.MapLookupApi();
app.MapAuthApi();
app.MapCasesApi();
app.MapPhotosApi();
app.MapAdminApi();
app.MapAlertsApi();
app.MapCitizenIntake();
app.MapStreetsApi();
app.MapDutyApi();
app.MapZonesApi();
app.MapVendorsApi();
app.MapKiosksApi();
app.MapEnforcementApi();
app.MapEvaluationApi();
app.MapAnalyticsApi();
app.MapHub<OpsHub>("/hubs/ops");
app.MapCultureSwitch();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
