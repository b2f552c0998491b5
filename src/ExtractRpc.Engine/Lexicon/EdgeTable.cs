using System.Numerics;
using System.Runtime.CompilerServices;

namespace ExtractRpc.Engine.Lexicon;

/// <summary>
/// The edges of a phrase trie, (node, token id) → child node, frozen into one open-addressing table:
/// a power-of-two array of keys beside an array of children, probed linearly from a multiplicative
/// hash. Compared with <see cref="Dictionary{TKey, TValue}"/> a lookup is one multiply, one mask and
/// (nearly always) one or two adjacent slots, with no bucket indirection: the tables stay smaller in
/// the caches that the analysis of a document evicts them from. Immutable; safe to share.
/// </summary>
internal sealed class EdgeTable
{
    private const long Empty = -1; // no edge has it: node ids are never negative
    private readonly long[] _keys;
    private readonly int[] _children;
    private readonly int _shift;

    public EdgeTable(IReadOnlyDictionary<long, int> edges)
    {
        // At most half full, so that probes stay short.
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(4, edges.Count * 2));
        _shift = 64 - BitOperations.Log2((uint)size);
        _keys = new long[size];
        _children = new int[size];
        Array.Fill(_keys, Empty);
        var mask = size - 1;
        foreach (var (key, child) in edges)
        {
            var slot = Slot(key);
            while (_keys[slot] != Empty)
            {
                slot = (slot + 1) & mask;
            }

            _keys[slot] = key;
            _children[slot] = child;
        }
    }

    private EdgeTable(long[] keys, int[] children, int shift)
    {
        _keys = keys;
        _children = children;
        _shift = shift;
    }

    public int Count => _keys.Length;

    internal void Write(BinaryWriter writer)
    {
        writer.Write(_shift);
        SnapshotIO.WriteArray(writer, _keys);
        SnapshotIO.WriteArray(writer, _children);
    }

    internal static EdgeTable Read(BinaryReader reader)
    {
        var shift = reader.ReadInt32();
        var keys = SnapshotIO.ReadArray<long>(reader);
        var children = SnapshotIO.ReadArray<int>(reader);
        return keys.Length == children.Length && keys.Length > 0 && shift == 64 - System.Numerics.BitOperations.Log2((uint)keys.Length)
            ? new EdgeTable(keys, children, shift)
            : throw new InvalidDataException("edge table: inconsistent sizes");
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetValue(long key, out int child)
    {
        var keys = _keys;
        var mask = keys.Length - 1;
        for (var slot = Slot(key); ; slot = (slot + 1) & mask)
        {
            var k = keys[slot];
            if (k == key)
            {
                child = _children[slot];
                return true;
            }

            if (k == Empty)
            {
                child = 0;
                return false;
            }
        }
    }

    // Fibonacci hashing: the top bits of key × 2^64/φ.
    private int Slot(long key) => (int)((ulong)(key * -7046029254386353131L) >> _shift);
}
