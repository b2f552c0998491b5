using System.Numerics;
using System.Runtime.CompilerServices;

namespace ExtractRpc.Engine.Lexicon;

/// <summary>
/// The edges of a phrase trie, (node, token id) → child node, frozen into one open-addressing table:
/// a power-of-two array of keys beside an array of children, probed linearly from a multiplicative
/// hash. Compared with <see cref="Dictionary{TKey, TValue}"/> a lookup is one multiply, one mask and
/// (nearly always) one or two adjacent slots, with no bucket indirection: the tables stay smaller in
/// the caches that the analysis of a document evicts them from. A slot holds the key beside its child
/// (12 bytes), so a hit costs one cache miss, not two. Immutable; safe to share.
/// </summary>
internal sealed class EdgeTable
{
    private const long Empty = -1; // no edge has it: node ids are never negative
    private readonly Edge[] _slots;
    private readonly int _shift;

    public EdgeTable(IReadOnlyDictionary<long, int> edges)
    {
        // At most half full, so that probes stay short.
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(4, edges.Count * 2));
        _shift = 64 - BitOperations.Log2((uint)size);
        _slots = new Edge[size];
        Array.Fill(_slots, new Edge(Empty, 0));
        var mask = size - 1;
        foreach (var (key, child) in edges)
        {
            var slot = Slot(key);
            while (_slots[slot].Key != Empty)
            {
                slot = (slot + 1) & mask;
            }

            _slots[slot] = new Edge(key, child);
        }
    }

    private EdgeTable(Edge[] slots, int shift)
    {
        _slots = slots;
        _shift = shift;
    }

    public int Count => _slots.Length;

    internal void Write(BinaryWriter writer)
    {
        writer.Write(_shift);
        SnapshotIO.WriteArray(writer, _slots);
    }

    internal static EdgeTable Read(BinaryReader reader)
    {
        var shift = reader.ReadInt32();
        var slots = SnapshotIO.ReadArray<Edge>(reader);
        return slots.Length > 0 && System.Numerics.BitOperations.IsPow2(slots.Length) && shift == 64 - System.Numerics.BitOperations.Log2((uint)slots.Length)
            && Array.Exists(slots, e => e.Key == Empty)
            ? new EdgeTable(slots, shift)
            : throw new InvalidDataException("edge table: inconsistent sizes");
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetValue(long key, out int child)
    {
        var slots = _slots;
        var mask = slots.Length - 1;
        for (var slot = Slot(key); ; slot = (slot + 1) & mask)
        {
            ref readonly var edge = ref slots[slot];
            if (edge.Key == key)
            {
                child = edge.Child;
                return true;
            }

            if (edge.Key == Empty)
            {
                child = 0;
                return false;
            }
        }
    }

    // Fibonacci hashing: the top bits of key × 2^64/φ.
    private int Slot(long key) => (int)((ulong)(key * -7046029254386353131L) >> _shift);

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential, Pack = 4)]
    private readonly record struct Edge(long Key, int Child);
}
