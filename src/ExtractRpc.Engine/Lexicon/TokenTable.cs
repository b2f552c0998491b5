using System.Runtime.CompilerServices;

namespace ExtractRpc.Engine.Lexicon;

/// <summary>
/// An immutable map from folded tokens to ints, read by span: open addressing with linear probing
/// over a power-of-two slot array at most half full, each slot holding the key's hash beside its
/// entry so that a probe rarely touches the key's characters. Keys live end to end in one char
/// array. Built once; lookups do not allocate and are safe from any number of threads.
/// </summary>
/// <remarks>
/// A <see cref="Dictionary{TKey,TValue}"/> read through an alternate span lookup does the same job
/// with two interface calls (hash, equality) per probe through a shared generic; this table does it
/// inline, which halved the analysis step's lookups. The hash is FNV-1a, not randomized: the keys
/// are the project's own data, so a caller's text can only miss or meet a chain the data made.
/// </remarks>
internal sealed class TokenTable
{
    private readonly Slot[] _slots;
    private readonly int[] _starts;
    private readonly int[] _values;
    private readonly char[] _chars;
    private readonly int _mask;

    /// <summary>Builds the table; a key given twice keeps its last value.</summary>
    public TokenTable(IEnumerable<KeyValuePair<string, int>> items)
    {
        var list = items as IReadOnlyList<KeyValuePair<string, int>> ?? [.. items];
        var capacity = 16;
        while (capacity < list.Count * 2)
        {
            capacity <<= 1;
        }

        _mask = capacity - 1;
        _slots = new Slot[capacity];
        _starts = new int[list.Count + 1];
        _values = new int[list.Count];
        _chars = new char[list.Sum(p => p.Key.Length)];
        var count = 0;
        foreach (var (key, value) in list)
        {
            var hash = Hash(key);
            var slot = (int)(hash & (uint)_mask);
            var existing = -1;
            while (_slots[slot].Entry != 0)
            {
                var e = _slots[slot].Entry - 1;
                if (_slots[slot].Hash == hash && key.AsSpan().SequenceEqual(_chars.AsSpan(_starts[e], _starts[e + 1] - _starts[e])))
                {
                    existing = e;
                    break;
                }

                slot = (slot + 1) & _mask;
            }

            if (existing >= 0)
            {
                _values[existing] = value;
                continue;
            }

            key.CopyTo(_chars.AsSpan(_starts[count]));
            _starts[count + 1] = _starts[count] + key.Length;
            _values[count] = value;
            _slots[slot] = new Slot(hash, ++count);
        }

        Count = count;
    }

    /// <summary>Number of keys.</summary>
    private TokenTable(Slot[] slots, int[] starts, int[] values, char[] chars, int count)
    {
        _slots = slots;
        _starts = starts;
        _values = values;
        _chars = chars;
        _mask = slots.Length - 1;
        Count = count;
    }

    public int Count { get; }

    internal void Write(BinaryWriter writer)
    {
        writer.Write(Count);
        SnapshotIO.WriteArray(writer, _slots);
        SnapshotIO.WriteArray(writer, _starts);
        SnapshotIO.WriteArray(writer, _values);
        SnapshotIO.WriteArray(writer, _chars);
    }

    internal static TokenTable Read(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        var slots = SnapshotIO.ReadArray<Slot>(reader);
        var starts = SnapshotIO.ReadArray<int>(reader);
        var values = SnapshotIO.ReadArray<int>(reader);
        var chars = SnapshotIO.ReadArray<char>(reader);
        return System.Numerics.BitOperations.IsPow2(slots.Length) && starts.Length == values.Length + 1 && count <= values.Length
            && starts[^1] <= chars.Length
            ? new TokenTable(slots, starts, values, chars, count)
            : throw new InvalidDataException("token table: inconsistent sizes");
    }

    /// <summary>Finds the value of <paramref name="key"/>.</summary>
    public bool TryGetValue(ReadOnlySpan<char> key, out int value)
    {
        var hash = Hash(key);
        var slots = _slots;
        var slot = (int)(hash & (uint)_mask);
        while (true)
        {
            var s = slots[slot];
            if (s.Entry == 0)
            {
                value = 0;
                return false;
            }

            if (s.Hash == hash)
            {
                var e = s.Entry - 1;
                var start = _starts[e];
                if (key.SequenceEqual(_chars.AsSpan(start, _starts[e + 1] - start)))
                {
                    value = _values[e];
                    return true;
                }
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>FNV-1a over the UTF-16 code units, with a final mix so that the low bits that pick a
    /// slot depend on every character.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(ReadOnlySpan<char> text)
    {
        var h = 2166136261u;
        foreach (var c in text)
        {
            h = (h ^ c) * 16777619u;
        }

        h ^= h >> 15;
        h *= 0x2C1B3C6Du;
        h ^= h >> 12;
        return h;
    }

    private readonly record struct Slot(uint Hash, int Entry);
}
