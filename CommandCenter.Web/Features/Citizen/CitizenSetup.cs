namespace CommandCenter.Web.Features.Citizen;

/// <summary>Registers citizen intake (Open311, the 随手拍 page, hotline, block list) and maps its endpoints.</summary>
public static class CitizenSetup
{
    public static IServiceCollection AddCitizenIntake(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Citizen");
        services.Configure<CitizenOptions>(section);
        services.AddCitizenRateLimiting(section.Get<CitizenOptions>() ?? new CitizenOptions());
        services.AddScoped<CitizenIntake>();
        services.AddScoped<PublicCases>();
        services.AddScoped<Open311Keys>();
        services.AddScoped<IntakeBlocks>();
        services.AddScoped<HotlineDesk>();
        return services;
    }

    public static IEndpointRouteBuilder MapCitizenIntake(this IEndpointRouteBuilder app)
    {
        app.MapOpen311Api();
        app.MapPublicIntakeApi();
        app.MapCitizenStaffApi();
        return app;
    }
}
