namespace CommandCenter.Domain.Intake;

/// <summary>来电性质 of a hotline call (domain.md §4.1, Shenzhen Pingshan's 1–5).</summary>
public enum CallNature
{
    /// <summary>求决: asks for something to be fixed.</summary>
    Request,
    /// <summary>投诉.</summary>
    Complaint,
    /// <summary>咨询.</summary>
    Enquiry,
    /// <summary>建议.</summary>
    Suggestion,
    /// <summary>感谢.</summary>
    Thanks,
}
