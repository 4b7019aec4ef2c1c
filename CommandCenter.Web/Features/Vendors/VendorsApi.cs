using System.Security.Claims;
using CommandCenter.Web.Problems;

namespace CommandCenter.Web.Features.Vendors;

/// <summary>
/// Registered vendors per zone and merchants per street: <c>GET /api/zones/{id}/vendors</c> (phones masked),
/// <c>GET /api/streets/{id}/merchants</c>, <c>GET /api/merchants/{id}</c> (with the star history); leaders and admins register and correct
/// vendors (<c>PUT /api/vendors/{id}</c>), add and correct merchants (<c>PUT /api/merchants/{id}</c>), record pledges (<c>PUT /api/merchants/{id}/pledge</c>) and ratings (<c>POST /api/merchants/{id}/ratings</c>).
/// </summary>
public static class VendorsApi
{
    public static IEndpointRouteBuilder MapVendorsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().WithTags("Vendors");
        // Leaders and admins keep the registers; the pages offer their forms to the same roles (VendorRegistry.Keepers).
        var keepers = api.MapGroup("").RequireAuthorization(p => p.RequireRole(VendorRegistry.KeeperRoles));

        api.MapGet("/zones/{id}/vendors", async (string id, VendorRegistry registry, CancellationToken ct) =>
            await registry.VendorsOfZoneAsync(id, ct) is { } vendors ? Results.Ok(vendors) : Problem.NotFound("NoSuchZone", id));

        // The full number, for the admin who calls the vendor; lists keep it masked.
        keepers.MapGet("/vendors/{id}", async (string id, VendorRegistry registry, CancellationToken ct) =>
            await registry.VendorAsync(id, ct) is { } vendor ? Results.Ok(vendor) : Problem.NotFound("NoSuchVendor", id));

        keepers.MapPost("/zones/{id}/vendors", async (string id, VendorInput body, ClaimsPrincipal user, VendorRegistry registry, CancellationToken ct) =>
            Answer(await registry.RegisterVendorAsync(id, body, user.Identity!.Name!, ct), v => Results.Created($"/api/vendors/{v.Id}", v)));

        keepers.MapPut("/vendors/{id}", async (string id, VendorInput body, ClaimsPrincipal user, VendorRegistry registry, CancellationToken ct) =>
            Answer(await registry.UpdateVendorAsync(id, body, user.Identity!.Name!, ct), Results.Ok));

        keepers.MapDelete("/vendors/{id}", async (string id, ClaimsPrincipal user, VendorRegistry registry, CancellationToken ct) =>
            await registry.RetireVendorAsync(id, user.Identity!.Name!, ct) ? Results.NoContent() : Problem.NotFound("NoSuchVendor", id));

        api.MapGet("/streets/{id}/merchants", async (string id, VendorRegistry registry, CancellationToken ct) =>
            await registry.MerchantsOfStreetAsync(id, ct) is { } merchants ? Results.Ok(merchants) : Problem.NotFound("NoSuchStreet", id));

        api.MapGet("/merchants/{id}", async (string id, VendorRegistry registry, CancellationToken ct) =>
            await registry.MerchantAsync(id, ct) is { } merchant ? Results.Ok(merchant) : Problem.NotFound("NoSuchMerchant", id));

        keepers.MapPost("/streets/{id}/merchants", async (string id, MerchantInput body, ClaimsPrincipal user, VendorRegistry registry, CancellationToken ct) =>
            Answer(await registry.AddMerchantAsync(id, body, user.Identity!.Name!, ct), m => Results.Created($"/api/merchants/{m.Id}", m)));

        keepers.MapPut("/merchants/{id}", async (string id, MerchantInput body, ClaimsPrincipal user, VendorRegistry registry, CancellationToken ct) =>
            Answer(await registry.UpdateMerchantAsync(id, body, user.Identity!.Name!, ct), Results.Ok));

        keepers.MapPut("/merchants/{id}/pledge", async (string id, PledgeInput body, ClaimsPrincipal user, VendorRegistry registry, CancellationToken ct) =>
            Answer(await registry.SetPledgeAsync(id, body, user.Identity!.Name!, ct), Results.Ok));

        keepers.MapPost("/merchants/{id}/ratings", async (string id, RatingInput body, ClaimsPrincipal user, VendorRegistry registry, CancellationToken ct) =>
            Answer(await registry.RateAsync(id, body, user.Identity!.Name!, ct), Results.Ok));
        return app;
    }

    private static IResult Answer<T>(RegistryResult<T> result, Func<T, IResult> ok) => result.Succeeded ? ok(result.Value!) : result.Refused!.ToResult();
}
