namespace ExtractRpc.Engine.Extractors;

/// <summary>
/// A small map from vocabulary ids to candidate indexes, with a 512-bit filter in front of it: most
/// tokens of a document are no key, and the filter answers them without hashing. For the handful of
/// surnames coreference looks every token up in.
/// </summary>
internal sealed class IdIndex
{
    private readonly Dictionary<int, int> _map = [];
    // One bit per id modulo 512: a document's surnames, with their spellings and skeleton
    // alternatives, run to dozens of ids, which would fill a 64-bit filter.
    private readonly ulong[] _filter = new ulong[8];

    public bool TryAdd(int id, int index)
    {
        _filter[(id >> 6) & 7] |= 1UL << id;
        return _map.TryAdd(id, index);
    }

    /// <summary>The index stored for <paramref name="id"/>; false (and -1) for an unknown id or no key.</summary>
    public bool TryGetValue(int id, out int index)
    {
        if (id < 0 || (_filter[(id >> 6) & 7] & (1UL << id)) == 0)
        {
            index = -1;
            return false;
        }

        return _map.TryGetValue(id, out index);
    }
}
