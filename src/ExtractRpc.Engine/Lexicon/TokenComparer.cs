namespace ExtractRpc.Engine.Lexicon;

/// <summary>
/// Ordinal equality for token strings and spans with a cheap FNV-1a hash. The keys are the project's
/// own data, so a caller's text can only miss or meet a bounded chain, never grow one: the
/// randomized default hash buys nothing here and costs a third of the analysis time.
/// </summary>
internal sealed class TokenComparer : IEqualityComparer<string>, IAlternateEqualityComparer<ReadOnlySpan<char>, string>
{
    public static TokenComparer Instance { get; } = new();

    public bool Equals(string? x, string? y) => string.Equals(x, y, StringComparison.Ordinal);

    public int GetHashCode(string obj) => Hash(obj);

    public bool Equals(ReadOnlySpan<char> alternate, string other) => alternate.SequenceEqual(other);

    public int GetHashCode(ReadOnlySpan<char> alternate) => Hash(alternate);

    public string Create(ReadOnlySpan<char> alternate) => alternate.ToString();

    private static int Hash(ReadOnlySpan<char> text)
    {
        var h = 2166136261u;
        foreach (var c in text)
        {
            h = (h ^ c) * 16777619u;
        }

        return (int)h;
    }
}
