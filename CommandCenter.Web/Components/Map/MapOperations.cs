namespace CommandCenter.Web.Components.Map;

/// <summary>How the live operations map starts: visible layer groups, choropleth mode, wall styling.</summary>
public sealed record MapOperations(
    IReadOnlyDictionary<string, bool> Layers,
    string Choropleth = "open",
    bool Wall = false);
