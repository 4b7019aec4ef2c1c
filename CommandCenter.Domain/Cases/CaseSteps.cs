namespace CommandCenter.Domain.Cases;

/// <summary>Step slugs as the API, the settings and the audit trail write them.</summary>
public static class CaseSteps
{
    public static string Slug(this CaseStep step) => step == CaseStep.SendCheck ? "send-check" : step.ToString().ToLowerInvariant();

    public static bool TryParse(string? slug, out CaseStep step)
    {
        foreach (var s in Enum.GetValues<CaseStep>())
        {
            if (s.Slug() == slug)
            {
                step = s;
                return true;
            }
        }
        step = default;
        return false;
    }

    /// <summary>The steps whose limit is an admin setting; handling takes its limit from the category.</summary>
    public static IReadOnlyList<CaseStep> WithStepLimit { get; } = Enum.GetValues<CaseStep>().Where(s => s != CaseStep.Handle).ToList();
}
