namespace ExtractRpc.Engine.Lexicon;

/// <summary>
/// Every folded token any phrase table knows, each with a small integer id; spelling variants map
/// to the id of the form they were generated from. Immutable and thread-safe once built; lookups
/// by span do not allocate.
/// </summary>
internal sealed class Vocabulary
{
    /// <summary>The id of a token the vocabulary does not know.</summary>
    public const int Unknown = -1;

    // A plain dictionary: read-only after build, so concurrent reads are safe, and it builds several
    // times faster than a frozen one at this size (hundreds of thousands of variants), which keeps
    // start-up short.
    private readonly Dictionary<string, int> _ids;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Dictionary<string, int> _variants;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _variantLookup;

    // Skeleton → up to two ids: the first in the low 32 bits, the second plus one in the high 32 bits.
    private readonly Dictionary<string, long> _skeletons;
    private readonly Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> _skeletonLookup;

    public Vocabulary(Dictionary<string, int> ids, Dictionary<string, int> variants, Dictionary<string, long> skeletons, int distinct)
    {
        _ids = ids;
        _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        _variants = variants;
        _variantLookup = _variants.GetAlternateLookup<ReadOnlySpan<char>>();
        _skeletons = skeletons;
        _skeletonLookup = _skeletons.GetAlternateLookup<ReadOnlySpan<char>>();
        Distinct = distinct;
    }

    /// <summary>Number of name skeletons.</summary>
    public int Skeletons => _skeletons.Count;

    /// <summary>Number of surface forms written in the data.</summary>
    public int Count => _ids.Count;

    /// <summary>Number of generated spellings (g-letters, ch).</summary>
    public int Variants => _variants.Count;

    /// <summary>Number of distinct ids.</summary>
    public int Distinct { get; }

    /// <summary>The id of a folded token, or <see cref="Unknown"/>.</summary>
    public int Get(ReadOnlySpan<char> token) => _lookup.TryGetValue(token, out var id) ? id : Unknown;

    /// <summary>The id of the written name a generated spelling stands for (شويجو → شويغو), or <see cref="Unknown"/>.</summary>
    public int GetVariant(ReadOnlySpan<char> token) => _variantLookup.TryGetValue(token, out var id) ? id : Unknown;

    /// <summary>
    /// The id of the name whose consonant skeleton <paramref name="token"/> shares (سوليفان → ساليفان),
    /// or <see cref="Unknown"/>. A weak match: it needs the company of other evidence.
    /// </summary>
    public int GetBySkeleton(ReadOnlySpan<char> token) => GetBySkeleton(token, out _);

    /// <summary>As <see cref="GetBySkeleton(ReadOnlySpan{char})"/>, with the second name sharing the skeleton
    /// (سيلفان and سوليفان are both سلفن), or <see cref="Unknown"/>.</summary>
    public int GetBySkeleton(ReadOnlySpan<char> token, out int second)
    {
        second = Unknown;
        Span<char> buffer = stackalloc char[64];
        var n = SpellingVariants.Skeleton(token, buffer);
        if (n == 0 || !_skeletonLookup.TryGetValue(buffer[..n], out var packed))
        {
            return Unknown;
        }

        second = (int)(packed >> 32) - 1;
        return (int)(packed & 0xFFFFFFFF);
    }
}

/// <summary>
/// Collects tokens and their variants, then freezes them into a <see cref="Vocabulary"/>. Spellings
/// of one name that the data writes in two places (سيرغي in a person's name, سيرجي in the first-name
/// list) are united into one id, so that any of them walks the same trie paths.
/// </summary>
internal sealed class VocabularyBuilder
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _variants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _skeletons = new(StringComparer.Ordinal);
    private readonly List<int> _parent = [];

    /// <summary>Returns the id of <paramref name="token"/>, adding it if it is new.</summary>
    public int Add(string token)
    {
        if (_ids.TryGetValue(token, out var id))
        {
            return Root(id);
        }

        id = _parent.Count;
        _parent.Add(id);
        _ids.Add(token, id);
        return id;
    }

    /// <summary>Maps a generated variant to <paramref name="id"/>; when the variant is itself a name
    /// token of the data (<paramref name="unite"/>), the two ids become one.</summary>
    public void AddVariant(string variant, int id, Func<string, bool> unite)
    {
        if (!_ids.TryGetValue(variant, out var existing))
        {
            _variants.TryAdd(variant, id);
            return;
        }

        if (unite(variant))
        {
            var a = Root(existing);
            var b = Root(id);
            if (a != b)
            {
                _parent[a] = b;
            }
        }
    }

    /// <summary>Registers the skeleton of a name token; the first two names to claim a skeleton keep it.</summary>
    public void AddSkeleton(string token, int id)
    {
        Span<char> buffer = stackalloc char[64];
        var n = SpellingVariants.Skeleton(token, buffer);
        if (n > 0)
        {
            var key = buffer[..n].ToString();
            if (!_skeletons.TryGetValue(key, out var ids))
            {
                _skeletons[key] = ids = [];
            }

            if (ids.Count < 2 && !ids.Contains(id))
            {
                ids.Add(id);
            }
        }
    }

    /// <summary>Unites the ids of two tokens (spellings of one name).</summary>
    public void Unite(string a, string b)
    {
        if (_ids.TryGetValue(a, out var x) && _ids.TryGetValue(b, out var y))
        {
            x = Root(x);
            y = Root(y);
            if (x != y)
            {
                _parent[x] = y;
            }
        }
    }

    /// <summary>The id of a token already added, or <see cref="Vocabulary.Unknown"/>.</summary>
    public int Find(string token) => _ids.TryGetValue(token, out var id) ? Root(id) : Vocabulary.Unknown;

    public Vocabulary Build()
    {
        var ids = new Dictionary<string, int>(_ids.Count, TokenComparer.Instance);
        foreach (var (token, id) in _ids)
        {
            ids[token] = Root(id);
        }

        var variants = new Dictionary<string, int>(_variants.Count, TokenComparer.Instance);
        foreach (var (token, id) in _variants)
        {
            variants[token] = Root(id);
        }

        var skeletons = new Dictionary<string, long>(_skeletons.Count, TokenComparer.Instance);
        foreach (var (key, list) in _skeletons)
        {
            var first = Root(list[0]);
            var second = list.Count > 1 && Root(list[1]) != first ? Root(list[1]) + 1L : 0L;
            skeletons[key] = (second << 32) | (uint)first;
        }

        return new(ids, variants, skeletons, _parent.Count);
    }

    private int Root(int id)
    {
        while (_parent[id] != id)
        {
            _parent[id] = _parent[_parent[id]];
            id = _parent[id];
        }

        return id;
    }
}
