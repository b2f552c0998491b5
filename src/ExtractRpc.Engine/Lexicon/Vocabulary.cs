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

    // Written forms and generated spellings in one table (their keys never meet): a written form maps
    // to its id, a generated spelling to GeneratedValue(id). An unknown word is then one lookup, not two.
    private readonly TokenTable _forms;

    // Skeleton → a group of ids (every name token that shares it), stored flat: the group's ids are
    // _groupIds[_groupStarts[g] .. _groupStarts[g + 1]).
    private readonly TokenTable _skeletons;
    private readonly int[] _groupStarts;
    private readonly int[] _groupIds;

    public Vocabulary(TokenTable forms, int written, int generated, TokenTable skeletons, int[] groupStarts, int[] groupIds, int distinct)
    {
        _forms = forms;
        Count = written;
        Variants = generated;
        _skeletons = skeletons;
        _groupStarts = groupStarts;
        _groupIds = groupIds;
        Distinct = distinct;
    }

    /// <summary>Number of name skeletons.</summary>
    public int Skeletons => _skeletons.Count;

    internal void Write(BinaryWriter writer)
    {
        writer.Write(Count);
        writer.Write(Variants);
        writer.Write(Distinct);
        _forms.Write(writer);
        _skeletons.Write(writer);
        SnapshotIO.WriteArray(writer, _groupStarts);
        SnapshotIO.WriteArray(writer, _groupIds);
    }

    internal static Vocabulary Read(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        var variants = reader.ReadInt32();
        var distinct = reader.ReadInt32();
        var forms = TokenTable.Read(reader);
        var skeletons = TokenTable.Read(reader);
        return new Vocabulary(forms, count, variants, skeletons, SnapshotIO.ReadArray<int>(reader), SnapshotIO.ReadArray<int>(reader), distinct);
    }

    /// <summary>Number of surface forms written in the data.</summary>
    public int Count { get; }

    /// <summary>Number of generated spellings (g-letters, ch).</summary>
    public int Variants { get; }

    /// <summary>Number of distinct ids.</summary>
    public int Distinct { get; }

    /// <summary>The id of a folded token, or <see cref="Unknown"/>.</summary>
    public int Get(ReadOnlySpan<char> token) => _forms.TryGetValue(token, out var id) && id >= 0 ? id : Unknown;

    /// <summary>In one lookup, the id of a folded token as written (<paramref name="written"/>) or, when it is
    /// a generated spelling, the id of the form it stands for (<paramref name="generated"/>); the other is
    /// <see cref="Unknown"/>, and both are when the vocabulary does not know the token.</summary>
    public void Find(ReadOnlySpan<char> token, out int written, out int generated)
    {
        written = generated = Unknown;
        if (_forms.TryGetValue(token, out var id))
        {
            if (id >= 0)
            {
                written = id;
            }
            else
            {
                generated = GeneratedValue(id);
            }
        }
    }

    /// <summary>A generated spelling's value in the forms table from the id it stands for, and back: -(id + 2),
    /// its own inverse, never <see cref="Unknown"/> or a written form's id.</summary>
    internal static int GeneratedValue(int value) => -value - 2;

    /// <summary>
    /// The group of names whose consonant skeleton <paramref name="token"/> shares (سوليفان ~ ساليفان،
    /// سيلفان), or -1. A weak match: it needs the company of other evidence.
    /// </summary>
    public int GetSkeletonGroup(ReadOnlySpan<char> token)
    {
        Span<char> buffer = stackalloc char[64];
        var n = SpellingVariants.Skeleton(token, buffer);
        return n > 0 && _skeletons.TryGetValue(buffer[..n], out var group) ? group : -1;
    }

    /// <summary>The ids of a skeleton group (empty for -1).</summary>
    public ReadOnlySpan<int> SkeletonGroup(int group) =>
        group < 0 ? [] : _groupIds.AsSpan(_groupStarts[group], _groupStarts[group + 1] - _groupStarts[group]);
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

    /// <summary>Most names one skeleton group keeps; more are too common a shape to be evidence.</summary>
    private const int MaxGroupSize = 8;
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

    /// <summary>Registers the skeleton of a name token (up to <see cref="MaxGroupSize"/> names a skeleton).</summary>
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

            if (ids.Count < MaxGroupSize && !ids.Contains(id))
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
        var generated = _variants.Where(p => !_ids.ContainsKey(p.Key)).Select(p => KeyValuePair.Create(p.Key, Vocabulary.GeneratedValue(Root(p.Value)))).ToList();
        var forms = new TokenTable(_ids.Select(p => KeyValuePair.Create(p.Key, Root(p.Value))).Concat(generated));
        var groups = new List<KeyValuePair<string, int>>(_skeletons.Count);
        var starts = new List<int> { 0 };
        var groupIds = new List<int>();
        foreach (var (key, list) in _skeletons)
        {
            groups.Add(KeyValuePair.Create(key, starts.Count - 1));
            groupIds.AddRange(list.Select(Root).Distinct());
            starts.Add(groupIds.Count);
        }

        var skeletons = new TokenTable(groups);
        return new(forms, _ids.Count, generated.Count, skeletons, [.. starts], [.. groupIds], _parent.Count);
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
