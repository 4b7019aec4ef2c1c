using MudBlazor;

namespace CommandCenter.Web.Components.Layout;

/// <summary>The MudBlazor theme: civic blue, with a CJK-first font stack.</summary>
public static class CommandCenterTheme
{
    private static readonly string[] Fonts = ["Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Roboto", "sans-serif"];

    public static MudTheme Light { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e8c",
            Secondary = "#d81b60",
            AppbarBackground = "#163a6b",
            Background = "#f5f6f8",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts },
            H6 = new H6Typography { FontFamily = Fonts, FontWeight = "600" },
        },
    };
}
