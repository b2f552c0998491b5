using ExtractRpc.Protocol.V1;

namespace ExtractRpc.Protocol;

/// <summary>
/// Converts UTF-16 positions of a text into code points or UTF-8 bytes. Collect every position a
/// response needs, then convert them in one pass over the text. Not thread-safe; one per response.
/// </summary>
public sealed class OffsetMapper
{
    private readonly string _text;
    private readonly OffsetUnit _unit;
    private readonly bool _identity;
    private readonly List<int> _positions = [];
    private int[] _sorted = [];
    private int[] _converted = [];

    /// <summary>Creates a mapper for <paramref name="text"/> into <paramref name="unit"/>.</summary>
    public OffsetMapper(string text, OffsetUnit unit)
    {
        _text = text;
        _unit = unit == OffsetUnit.Unspecified ? OffsetUnit.CodePoint : unit;
        // Without surrogate pairs (most news text) every UTF-16 position is its code-point position.
        _identity = _unit == OffsetUnit.Utf16 || (_unit == OffsetUnit.CodePoint && text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0);
    }

    /// <summary>The unit positions are converted into.</summary>
    public OffsetUnit Unit => _unit;

    /// <summary>Registers a UTF-16 position to convert.</summary>
    public void Add(int utf16Position)
    {
        if (!_identity)
        {
            _positions.Add(utf16Position);
        }
    }

    /// <summary>Converts every registered position; call once after the last <see cref="Add"/>.</summary>
    public void Compute()
    {
        if (_identity)
        {
            return;
        }

        _positions.Sort();
        _sorted = [.. _positions.Distinct()];
        _converted = new int[_sorted.Length];
        var unit = 0;
        var next = 0;
        for (var i = 0; i <= _text.Length && next < _sorted.Length; i++)
        {
            while (next < _sorted.Length && _sorted[next] == i)
            {
                _converted[next++] = unit;
            }

            if (i == _text.Length)
            {
                break;
            }

            var c = _text[i];
            if (char.IsHighSurrogate(c) && i + 1 < _text.Length && char.IsLowSurrogate(_text[i + 1]))
            {
                // A surrogate pair is one code point and four UTF-8 bytes; a position never splits it.
                unit += _unit == OffsetUnit.CodePoint ? 1 : 4;
                i++;
                while (next < _sorted.Length && _sorted[next] == i)
                {
                    _converted[next++] = unit;
                }

                continue;
            }

            unit += _unit == OffsetUnit.CodePoint ? 1 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
    }

    /// <summary>The converted value of a registered UTF-16 position.</summary>
    public int Map(int utf16Position)
    {
        if (_identity)
        {
            return utf16Position;
        }

        var index = Array.BinarySearch(_sorted, utf16Position);
        return index >= 0 ? _converted[index] : throw new InvalidOperationException($"position {utf16Position} was not registered");
    }
}
