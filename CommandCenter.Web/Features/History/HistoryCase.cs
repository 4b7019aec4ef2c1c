using CommandCenter.Domain.Cases;
using CommandCenter.Web.Data.Cases;

namespace CommandCenter.Web.Features.History;

/// <summary>One generated case as it stands at the end of the history, and its audit trail in order.</summary>
public sealed record HistoryCase(Case Case, IReadOnlyList<CaseEventRow> Events);
