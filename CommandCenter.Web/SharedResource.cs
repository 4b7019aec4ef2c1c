namespace CommandCenter.Web;

/// <summary>Marker for the UI strings in Resources/SharedResource*.resx (zh-CN is the neutral default, en the alternative).</summary>
public sealed class SharedResource;
