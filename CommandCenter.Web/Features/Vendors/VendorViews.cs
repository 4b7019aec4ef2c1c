namespace CommandCenter.Web.Features.Vendors;

/// <summary>A registered vendor as lists show them (phone masked).</summary>
public sealed record VendorView(string Id, string ZoneId, string StallNumber, string Name, string? Phone, string Goods, string Licence, DateOnly RegisteredOn);

/// <summary>A merchant as lists show them (phone masked), with the pledge and the current star.</summary>
public sealed record MerchantView(
    string Id, string StreetId, string? StreetName, string ShopName, string Licence, string? Phone, string? Address,
    string? Pledge, string[] PledgeItems, DateOnly? PledgeSignedOn, int Stars);

/// <summary>One 五星商户 rating in a merchant's history.</summary>
public sealed record MerchantRatingView(int Stars, DateOnly RatedOn, string? Note, string Actor);

/// <summary>A merchant with the history of its star rating, newest first.</summary>
public sealed record MerchantDetail(MerchantView Merchant, IReadOnlyList<MerchantRatingView> Ratings);

/// <summary>Body of <c>POST /api/zones/{id}/vendors</c>.</summary>
public sealed record VendorInput(string? StallNumber, string? Name, string? Phone, string? Goods, string? Licence);

/// <summary>Body of <c>POST /api/streets/{id}/merchants</c>.</summary>
public sealed record MerchantInput(string? ShopName, string? Licence, string? Phone, string? Address);

/// <summary>Body of <c>PUT /api/merchants/{id}/pledge</c>: three or five, the items, the date signed.</summary>
public sealed record PledgeInput(string? Kind, string[]? Items, DateOnly? SignedOn);

/// <summary>Body of <c>POST /api/merchants/{id}/ratings</c>.</summary>
public sealed record RatingInput(int? Stars, DateOnly? RatedOn, string? Note);
