namespace CommandCenter.Web.Data.Import;

/// <summary>The city data failed validation; nothing was written.</summary>
public sealed class CityImportException(IReadOnlyList<ImportError> errors)
    : Exception($"城市数据校验失败 / city data rejected ({errors.Count} problem(s)), nothing was written:{Environment.NewLine}"
        + string.Join(Environment.NewLine, errors.Take(50).Select(e => "  " + e)))
{
    public IReadOnlyList<ImportError> Errors { get; } = errors;
}
