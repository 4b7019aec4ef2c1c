namespace CommandCenter.Web.Features.Citizen;

/// <summary>The address a request came from, as the rate limiter and the block list know it.</summary>
public static class ClientAddress
{
    public static string Of(HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }
        return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }
}
