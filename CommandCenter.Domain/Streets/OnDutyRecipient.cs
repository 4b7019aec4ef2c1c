namespace CommandCenter.Domain.Streets;

/// <summary>
/// 在岗接收: who of a street's chiefs receives an alert meant for one link of its chain. The link's own person while
/// signed in; otherwise, for the street's own chief, a signed-in deputy; otherwise the first signed-in chief further
/// up. When nobody on the chain is signed in, the link's own person keeps it, so their bell shows it at the next
/// sign-in. Someone no longer in any post on the chain never keeps one.
/// </summary>
public static class OnDutyRecipient
{
    /// <summary>The person to alert for <paramref name="chain"/>[<paramref name="index"/>] (clamped to the chain).</summary>
    /// <param name="chain">The street's chiefs in charge now, from its own chief upwards.</param>
    /// <param name="index">The link the alert is meant for (0 = the street's chief).</param>
    /// <param name="deputies">The street chief's deputies now.</param>
    /// <param name="signedIn">Whether a person has an open sign-in.</param>
    public static string? Choose(IReadOnlyList<ChiefLink> chain, int index, IReadOnlyList<string> deputies, Func<string, bool> signedIn)
    {
        if (chain.Count == 0)
        {
            return null;
        }
        index = Math.Clamp(index, 0, chain.Count - 1);
        if (signedIn(chain[index].PersonId))
        {
            return chain[index].PersonId;
        }
        if (index == 0 && deputies.FirstOrDefault(signedIn) is { } deputy)
        {
            return deputy;
        }
        for (var i = index + 1; i < chain.Count; i++)
        {
            if (signedIn(chain[i].PersonId))
            {
                return chain[i].PersonId;
            }
        }
        return chain[index].PersonId;
    }

    /// <summary>
    /// Whom an alert now held by <paramref name="holder"/> for that link should move to, or null while the holder may
    /// keep it: still in a post on the chain (a link or a deputy) and signed in, or the best there is.
    /// </summary>
    public static string? HandOverTo(string holder, IReadOnlyList<ChiefLink> chain, int index, IReadOnlyList<string> deputies, Func<string, bool> signedIn)
    {
        var inPost = chain.Any(l => l.PersonId == holder) || deputies.Contains(holder);
        if (inPost && signedIn(holder))
        {
            return null;
        }
        var best = Choose(chain, index, deputies, signedIn);
        return best is null || best == holder ? null : best;
    }
}
