using CommandCenter.Web.Features.Enforcement;
using CommandCenter.Web.Features.Kiosks;
using CommandCenter.Web.Features.Vendors;

namespace CommandCenter.Web.Features.Zones;

/// <summary>Registers street order's services: zones and their opening clock, vendors and merchants, kiosks, and the intake checks.</summary>
public static class VendorZoneServices
{
    public static IServiceCollection AddVendorZonesAndKiosks(this IServiceCollection services)
    {
        services.AddScoped<ZoneService>();
        services.AddHostedService<OpeningHoursClock>();
        services.AddScoped<VendorRegistry>();
        services.AddScoped<RegistrySeeder>();
        services.AddScoped<LeniencySettings>();
        services.AddScoped<CaseIntakeChecks>();
        services.AddScoped<KioskService>();
        return services;
    }
}
