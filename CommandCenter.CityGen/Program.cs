namespace CommandCenter.CityGen;

internal static class Program
{
    private static int Main(string[] args)
    {
        var source = args.Length > 0 ? args[0] : Path.Combine("..", "shared", "gis-source");
        var output = args.Length > 1 ? args[1] : "gis-data";
        try
        {
            Console.WriteLine(CityGenerator.Run(source, output));
            return 0;
        }
        catch (Exception ex) when (ex is InvalidOperationException or InvalidDataException or IOException)
        {
            Console.Error.WriteLine($"citygen failed: {ex.Message}");
            return 1;
        }
    }
}
