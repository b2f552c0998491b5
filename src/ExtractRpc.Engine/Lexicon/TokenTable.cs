using System.Runtime.CompilerServices;

namespace ExtractRpc.Engine.Lexicon;

/// <summary>
/// An immutable map from folded tokens to ints, read by span: open addressing with linear probing
/// over a power-of-two slot array at most two thirds full, each slot holding the key's hash beside the
/// offset of its record. A record is the key's length, its value and its chars, end to end in one
/// char array: a hit reads the slot and one record, a miss (nearly always) the slots alone. Built
/// once; lookups do not allocate and are safe from any number of threads.
/// </summary>
/// <remarks>
/// A <see cref="Dictionary{TKey,TValue}"/> read through an alternate span lookup does the same job
/// with two interface calls (hash, equality) per probe through a shared generic; this table does it
/// inline, which halved the analysis step's lookups. Keeping each key's length, value and chars in
/// one record (they were three arrays) spares two cache misses a hit when the analysis runs on
/// caches that the extractors have filled. The hash is FNV-1a, not randomized: the keys are the
/// project's own data, so a caller's text can only miss or meet a chain the data made.
/// </remarks>
internal sealed class TokenTable
{
    // A record: [length][value, low half][value, high half][chars ...].
    private const int Header = 3;
    private readonly Slot[] _slots;
    private readonly char[] _records;
    private readonly int _mask;

    /// <summary>Builds the table; a key given twice keeps its last value.</summary>
    public TokenTable(IEnumerable<KeyValuePair<string, int>> items)
    {
        var list = items as IReadOnlyList<KeyValuePair<string, int>> ?? [.. items];
        // Two thirds full at most: a miss probes a few more slots, mostly in the same cache line, and
        // the slots of the vocabulary fit in 1 MB instead of 2 (the lookups run on caches the
        // extractors have just filled; a smaller table stays in them).
        var capacity = 16;
        while (capacity < list.Count * 3 / 2)
        {
            capacity <<= 1;
        }

        _mask = capacity - 1;
        _slots = new Slot[capacity];
        _records = new char[list.Sum(p => Header + p.Key.Length)];
        var used = 0;
        var count = 0;
        foreach (var (key, value) in list)
        {
            if (key.Length > char.MaxValue)
            {
                throw new ArgumentException($"a key of {key.Length} chars is longer than a record can hold", nameof(items));
            }

            var hash = Hash(key);
            var slot = (int)(hash & (uint)_mask);
            var existing = -1;
            while (_slots[slot].Record != 0)
            {
                var r = _slots[slot].Record - 1;
                if (_slots[slot].Hash == hash && key.AsSpan().SequenceEqual(_records.AsSpan(r + Header, _records[r])))
                {
                    existing = r;
                    break;
                }

                slot = (slot + 1) & _mask;
            }

            if (existing >= 0)
            {
                SetValue(_records, existing, value);
                continue;
            }

            _records[used] = (char)key.Length;
            SetValue(_records, used, value);
            key.CopyTo(_records.AsSpan(used + Header));
            _slots[slot] = new Slot(hash, used + 1);
            used += Header + key.Length;
            count++;
        }

        Count = count;
    }

    private TokenTable(Slot[] slots, char[] records, int count)
    {
        _slots = slots;
        _records = records;
        _mask = slots.Length - 1;
        Count = count;
    }

    /// <summary>Number of keys.</summary>
    public int Count { get; }

    internal void Write(BinaryWriter writer)
    {
        writer.Write(Count);
        SnapshotIO.WriteArray(writer, _slots);
        SnapshotIO.WriteArray(writer, _records);
    }

    internal static TokenTable Read(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        var slots = SnapshotIO.ReadArray<Slot>(reader);
        var records = SnapshotIO.ReadArray<char>(reader);
        return System.Numerics.BitOperations.IsPow2(slots.Length) && (long)count * 3 <= (long)slots.Length * 2 && Array.TrueForAll(slots, s => IsRecord(records, s.Record - 1))
            ? new TokenTable(slots, records, count)
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
            if (s.Record == 0)
            {
                value = 0;
                return false;
            }

            if (s.Hash == hash)
            {
                var r = s.Record - 1;
                var records = _records;
                if (records[r] == key.Length && key.SequenceEqual(records.AsSpan(r + Header, key.Length)))
                {
                    value = records[r + 1] | (records[r + 2] << 16);
                    return true;
                }
            }

            slot = (slot + 1) & _mask;
        }
    }

    private static void SetValue(char[] records, int record, int value)
    {
        records[record + 1] = (char)(value & 0xFFFF);
        records[record + 2] = (char)((uint)value >> 16);
    }

    // An empty slot (-1), or a record that fits in the array: what a snapshot must hold.
    private static bool IsRecord(char[] records, int record) =>
        record == -1 || (record >= 0 && record + Header <= records.Length && record + Header + records[record] <= records.Length);

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

    // Record: the offset of the key's record + 1; 0 is an empty slot.
    private readonly record struct Slot(uint Hash, int Record);
}
