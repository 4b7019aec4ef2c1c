namespace CommandCenter.Web.Features.Map;

/// <summary>How the live operations map starts: visible layer groups, choropleth mode, case filter, wall styling.</summary>
public sealed record MapOperations(
    IReadOnlyDictionary<string, bool> Layers,
    string Choropleth = "open",
    MapCaseFilter? Filter = null,
    bool Wall = false);
