using CommandCenter.Domain.Evaluation;

namespace CommandCenter.Web.Features.Evaluation;

/// <summary>One unit on a 红黑榜: its place in the ranking, code, name, composite (rounded as on the tables) and grade.</summary>
public sealed record RedBlackEntry(int Rank, string Code, string Name, double Composite, Grade Grade);

/// <summary>红黑榜 of one scope (departments or subdistricts) for a month: the red and black lists with names, and who was not evaluated.</summary>
public sealed record RedBlackBoard(string Scope, EvaluationPeriod Period, IReadOnlyList<RedBlackEntry> Red, IReadOnlyList<RedBlackEntry> Black, IReadOnlyList<string> NotEvaluated);
