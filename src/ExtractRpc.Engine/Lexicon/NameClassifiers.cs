using System.Collections.Frozen;
using ExtractRpc.Engine.Pipeline;

namespace ExtractRpc.Engine.Lexicon;

/// <summary>What a classifier noun stands before (see rules/name_classifiers.tsv).</summary>
internal enum NameClassifier : byte
{
    /// <summary>A place's name: مدينة، قرية، نهر، مطار.</summary>
    Place,

    /// <summary>An organization's name: حركة، صحيفة، شركة، نادي.</summary>
    Organization,

    /// <summary>A place, of which it names a part: جنوب، شمال شرق.</summary>
    Direction,

    /// <summary>An institution's common noun that, before a country's nationality adjective, describes
    /// that country's institution without naming it: الجيش، الحكومة، الخارجية.</summary>
    Nominal,
}

/// <summary>
/// The classifier nouns of one or two words, by the vocabulary ids of their tokens. Read only at the
/// first token of an accepted mention, so a small map is enough (no phrase table, no start bit).
/// </summary>
internal sealed class NameClassifiers
{
    private readonly FrozenDictionary<long, NameClassifier> _byIds;

    public NameClassifiers(IEnumerable<(int[] Ids, NameClassifier Kind)> classifiers)
    {
        var map = new Dictionary<long, NameClassifier>();
        foreach (var (ids, kind) in classifiers)
        {
            if (ids.Length is 1 or 2 && !ids.Contains(Vocabulary.Unknown))
            {
                map.TryAdd(Key(ids[0], ids.Length == 2 ? ids[1] : Vocabulary.Unknown), kind);
            }
        }

        _byIds = map.ToFrozenDictionary();
    }

    private NameClassifiers(FrozenDictionary<long, NameClassifier> byIds) => _byIds = byIds;

    internal void Write(BinaryWriter writer)
    {
        writer.Write(_byIds.Count);
        foreach (var (key, kind) in _byIds)
        {
            writer.Write(key);
            writer.Write((byte)kind);
        }
    }

    internal static NameClassifiers Read(BinaryReader reader)
    {
        var count = SnapshotIO.ReadLength(reader);
        var map = new Dictionary<long, NameClassifier>(count);
        for (var i = 0; i < count; i++)
        {
            map[reader.ReadInt64()] = (NameClassifier)reader.ReadByte();
        }

        return new NameClassifiers(map.ToFrozenDictionary());
    }

    /// <summary>
    /// The classifier that starts at token <paramref name="index"/> (read without a proclitic when
    /// <paramref name="skip"/> is not zero) and ends before <paramref name="end"/>: its token count, or 0.
    /// The longer one wins (جنوب شرق before جنوب).
    /// </summary>
    public int Match(Document doc, int index, int skip, int end, out NameClassifier kind)
    {
        var first = skip > 0 ? doc.StemIds[index] : doc.Ids[index];
        kind = default;
        if (first == Vocabulary.Unknown)
        {
            return 0;
        }

        if (index + 2 < end && doc.IsWord(index + 1) && doc.Ids[index + 1] != Vocabulary.Unknown
            && _byIds.TryGetValue(Key(first, doc.Ids[index + 1]), out kind))
        {
            return 2;
        }

        return index + 1 < end && _byIds.TryGetValue(Key(first, Vocabulary.Unknown), out kind) ? 1 : 0;
    }

    private static long Key(int first, int second) => ((long)first << 32) | (uint)second;
}
