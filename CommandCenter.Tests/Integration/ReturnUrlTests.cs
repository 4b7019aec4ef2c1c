using CommandCenter.Web.Features.Auth;

namespace CommandCenter.Tests.Integration;

public sealed class ReturnUrlTests
{
    [Theory]
    [InlineData("/", true)]
    [InlineData("/cases/1?x=2", true)]
    [InlineData("//evil.example/", false)]
    [InlineData("/\\evil.example/", false)]
    [InlineData("https://evil.example/", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_paths_on_this_site_are_followed_after_sign_in(string? url, bool local) => Assert.Equal(local, CommandCenter.Web.Identity.LocalPaths.IsLocalPath(url));
}
