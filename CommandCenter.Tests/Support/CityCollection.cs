namespace CommandCenter.Tests.Support;

/// <summary>Tests that share one running app and one imported city; xUnit runs them one after another.</summary>
[CollectionDefinition(Name)]
public sealed class CityCollection : ICollectionFixture<CommandCenterFactory>
{
    public const string Name = "city";
}
