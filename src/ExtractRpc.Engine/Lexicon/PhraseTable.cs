using System.Runtime.CompilerServices;
using ExtractRpc.Engine.Pipeline;

namespace ExtractRpc.Engine.Lexicon;

/// <summary>A phrase found in a document: tokens <c>[Start, End)</c>, the first one entered after
/// <c>Skip</c> clitic chars, and the value the phrase table holds for it.
/// <c>Weak</c> says a token matched only through its name skeleton (a spelling with other long vowels);
/// <c>Generated</c> says a token matched only through a generated spelling (شويجو for شويغو).</summary>
internal readonly record struct PhraseMatch<T>(int Start, int End, int Skip, T Value, bool Weak = false, bool Generated = false);

/// <summary>
/// A trie over token ids mapping token sequences to values; longest match first. Immutable and
/// thread-safe once built; matching does not allocate.
/// </summary>
internal sealed class PhraseTable<T>
{
    private readonly EdgeTable _edges;
    private readonly int[] _valueOfNode;
    private readonly T[] _values;

    private readonly SpellingLevel _level;
    private readonly int _bit;

    /// <summary>The table's bit in <see cref="Pipeline.Document.StartMasks"/>: a phrase of this table can start only
    /// at a token whose mask has it.</summary>
    internal int StartBit => _bit;

    private PhraseTable(Dictionary<long, int> edges, int[] valueOfNode, T[] values, SpellingLevel level, int bit)
    {
        _level = level;
        _bit = bit;
        _edges = new EdgeTable(edges);
        _valueOfNode = valueOfNode;
        _values = values;
    }

    internal void Write(BinaryWriter writer, Action<BinaryWriter, T> writeValue)
    {
        writer.Write((byte)_level);
        writer.Write(_bit);
        _edges.Write(writer);
        SnapshotIO.WriteArray(writer, _valueOfNode);
        writer.Write(_values.Length);
        foreach (var value in _values)
        {
            writeValue(writer, value);
        }
    }

    internal static PhraseTable<T> Read(BinaryReader reader, Func<BinaryReader, T> readValue)
    {
        var level = (SpellingLevel)reader.ReadByte();
        var bit = reader.ReadInt32();
        var edges = EdgeTable.Read(reader);
        var valueOfNode = SnapshotIO.ReadArray<int>(reader);
        var values = new T[SnapshotIO.ReadLength(reader)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = readValue(reader);
        }

        return new PhraseTable<T>(edges, valueOfNode, values, level, bit);
    }

    private PhraseTable(EdgeTable edges, int[] valueOfNode, T[] values, SpellingLevel level, int bit)
    {
        _level = level;
        _bit = bit;
        _edges = edges;
        _valueOfNode = valueOfNode;
        _values = values;
    }

    /// <summary>Number of phrases (after merging identical keys).</summary>
    public int Count => _values.Length;

    /// <summary>Every value, in insertion order.</summary>
    public ReadOnlySpan<T> Values => _values;

    /// <summary>
    /// The longest phrase starting at token <paramref name="start"/>. The first token may carry
    /// proclitics (they are left out of the match) unless <paramref name="allowClitic"/> is false.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryMatch(Document doc, int start, out PhraseMatch<T> match, bool allowClitic = true, int maxTokens = 12)
    {
        // The document knows, for every token, which tables a phrase may start with it: most tokens
        // (nine in ten of the calls) leave here, inlined at the caller, without a call or a lookup.
        if ((doc.StartMasks[start] & _bit) == 0)
        {
            match = default;
            return false;
        }

        return TryMatchAt(doc, start, out match, allowClitic, maxTokens);
    }

    private bool TryMatchAt(Document doc, int start, out PhraseMatch<T> match, bool allowClitic, int maxTokens)
    {
        match = default;
        var found = false;
        var first = doc.Ids[start] != Vocabulary.Unknown || _level < SpellingLevel.Variant ? doc.Ids[start] : doc.VariantIds[start];
        if (first != Vocabulary.Unknown || (_level == SpellingLevel.Skeleton && !doc.Alternatives(start).IsEmpty))
        {
            found = Walk(doc, start, first, useAlternatives: true, 0, false, maxTokens, ref match);
            if (found && doc.Ids[start] == Vocabulary.Unknown && first != Vocabulary.Unknown)
            {
                match = match with { Generated = true };
            }
        }

        var stemLevel = doc.StemLevel(start);
        if (allowClitic && doc.StemIds[start] != Vocabulary.Unknown && stemLevel <= _level)
        {
            var stem = default(PhraseMatch<T>);
            // The stem wins when it is longer, or as long and surer (وواشنطن: و + an exact name beats a
            // skeleton guess at the whole word).
            if (Walk(doc, start, doc.StemIds[start], useAlternatives: false, doc.StemSkips[start], stemLevel == SpellingLevel.Skeleton, maxTokens, ref stem)
                && (!found || stem.End > match.End || (stem.End == match.End && match.Weak && !stem.Weak)))
            {
                match = stemLevel == SpellingLevel.Variant ? stem with { Generated = true } : stem;
                found = true;
            }
        }

        return found;
    }

    /// <summary>True when the single token <paramref name="index"/> (or its stem) is a phrase by itself.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool ContainsToken(Document doc, int index, out T value, bool allowClitic = true)
    {
        if ((doc.StartMasks[index] & _bit) == 0)
        {
            value = default!;
            return false;
        }

        return ContainsTokenAt(doc, index, out value, allowClitic);
    }

    private bool ContainsTokenAt(Document doc, int index, out T value, bool allowClitic)
    {
        if (TryValue(0, doc.Ids[index], out value) || (_level >= SpellingLevel.Variant && TryValue(0, doc.VariantIds[index], out value)))
        {
            return true;
        }

        if (_level == SpellingLevel.Skeleton)
        {
            foreach (var alt in doc.Alternatives(index))
            {
                if (TryValue(0, alt, out value))
                {
                    return true;
                }
            }
        }

        return allowClitic && doc.StemLevel(index) <= _level && TryValue(0, doc.StemIds[index], out value);
    }

    /// <summary>The value of an exact token-id sequence (a phrase assembled by a rule, e.g. without its quote marks).</summary>
    public bool TryGetSequence(ReadOnlySpan<int> tokenIds, out T value)
    {
        value = default!;
        var node = 0;
        foreach (var id in tokenIds)
        {
            if (id == Vocabulary.Unknown || !_edges.TryGetValue(Key(node, id), out node))
            {
                return false;
            }
        }

        var v = _valueOfNode[node];
        if (v < 0)
        {
            return false;
        }

        value = _values[v];
        return true;
    }

    private bool TryValue(int node, int tokenId, out T value)
    {
        value = default!;
        if (tokenId == Vocabulary.Unknown || !_edges.TryGetValue(Key(node, tokenId), out var child))
        {
            return false;
        }

        var v = _valueOfNode[child];
        if (v < 0)
        {
            return false;
        }

        value = _values[v];
        return true;
    }

    private bool Walk(Document doc, int start, int firstId, bool useAlternatives, int skip, bool weakStart, int maxTokens, ref PhraseMatch<T> match)
    {
        var found = false;
        var node = 0;
        var weak = weakStart;
        var tokens = doc.Text.Tokens;
        var limit = Math.Min(tokens.Length, start + maxTokens);
        for (var i = start; i < limit; i++)
        {
            var id = i == start ? firstId : doc.Ids[i] != Vocabulary.Unknown || _level < SpellingLevel.Variant ? doc.Ids[i] : doc.VariantIds[i];
            // The exact spelling first; a name spelled with other long vowels as a fallback.
            if (id != Vocabulary.Unknown && _edges.TryGetValue(Key(node, id), out var next))
            {
                node = next;
            }
            else if (_level == SpellingLevel.Skeleton && (i > start || useAlternatives) && TryAlternative(doc, i, node, out next))
            {
                node = next;
                weak = true;
            }
            else
            {
                break;
            }

            var v = _valueOfNode[node];
            if (v >= 0)
            {
                match = new PhraseMatch<T>(start, i + 1, skip, _values[v], weak);
                found = true;
            }
        }

        return found;
    }

    private bool TryAlternative(Document doc, int index, int node, out int next)
    {
        foreach (var alt in doc.Alternatives(index))
        {
            if (_edges.TryGetValue(Key(node, alt), out next))
            {
                return true;
            }
        }

        next = 0;
        return false;
    }

    private static long Key(int node, int token) => ((long)node << 32) | (uint)token;

    /// <summary>Collects phrases; the first value added for a key wins.</summary>
    public sealed class Builder
    {
        private readonly Dictionary<long, int> _edges = [];
        private readonly List<int> _valueOfNode = [-1];
        private readonly List<T> _values = [];

        /// <summary>Adds a phrase of token ids. Returns false when the key already had a value.</summary>
        public bool Add(ReadOnlySpan<int> tokenIds, T value)
        {
            if (tokenIds.IsEmpty)
            {
                return false;
            }

            var node = 0;
            foreach (var id in tokenIds)
            {
                var key = Key(node, id);
                if (!_edges.TryGetValue(key, out var child))
                {
                    child = _valueOfNode.Count;
                    _valueOfNode.Add(-1);
                    _edges.Add(key, child);
                }

                node = child;
            }

            if (_valueOfNode[node] >= 0)
            {
                return false;
            }

            _valueOfNode[node] = _values.Count;
            _values.Add(value);
            return true;
        }

        /// <summary>The ids of the tokens a phrase of this table may start with.</summary>
        public IEnumerable<int> FirstTokenIds => _edges.Keys.Where(k => k >> 32 == 0).Select(k => (int)k);

        /// <summary>Freezes the table. <paramref name="level"/> says how loosely a token may match: exactly
        /// (word lists), also through generated spellings (first names), or also through a name's
        /// consonant skeleton (the gazetteer). <paramref name="bit"/> is the table's bit in the
        /// lexicon's start masks (<see cref="CompiledLexicon.StartMasks"/>).</summary>
        public PhraseTable<T> Build(SpellingLevel level, int bit) => new(_edges, [.. _valueOfNode], [.. _values], level, bit);
    }
}
