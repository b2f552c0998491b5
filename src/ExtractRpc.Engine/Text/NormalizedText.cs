using System.Buffers;

namespace ExtractRpc.Engine.Text;

/// <summary>
/// The folded form of a text with, for every folded char, the original range it came from.
/// Buffers are rented from the shared pool and returned on <see cref="Dispose"/>. Not thread-safe:
/// one instance belongs to one extraction.
/// </summary>
public sealed class NormalizedText : IDisposable
{
    private char[] _chars;
    private int[] _start;

    private NormalizedText(string original, char[] chars, int[] start, int length)
    {
        Original = original;
        _chars = chars;
        _start = start;
        Length = length;
    }

    /// <summary>The text as sent.</summary>
    public string Original { get; }

    /// <summary>Number of folded chars.</summary>
    public int Length { get; }

    /// <summary>The folded chars.</summary>
    public ReadOnlySpan<char> Chars => _chars.AsSpan(0, Length);

    /// <summary>The buffer that holds <see cref="Chars"/> (and unused room after them).</summary>
    internal char[] Buffer => _chars;

    /// <summary>Folds <paramref name="original"/>.</summary>
    public static NormalizedText Create(string original)
    {
        ArgumentNullException.ThrowIfNull(original);
        // A lam-alef ligature expands to two chars; allow for it without a second pass.
        var capacity = original.Length + 8;
        var chars = ArrayPool<char>.Shared.Rent(capacity);
        var start = ArrayPool<int>.Shared.Rent(capacity);
        var n = 0;
        for (var i = 0; i < original.Length; i++)
        {
            var c = original[i];
            var folded = ArabicNormalizer.FoldCommon(c);
            if (folded > '\0' && folded != ArabicNormalizer.NotCommon && n < chars.Length)
            {
                // The common case: one char in, one char out, room left.
                chars[n] = folded;
                start[n] = i;
                n++;
            }
            else
            {
                (chars, start, n) = AppendRare(c, i, chars, start, n);
            }
        }

        return new NormalizedText(original, chars, start, n);
    }

    /// <summary>Original start of the folded char at <paramref name="index"/>.</summary>
    public int OriginalStart(int index) => index >= Length ? Original.Length : _start[index];

    /// <summary>Original end (exclusive) of the folded char at <paramref name="index"/>: the char after its
    /// original, and the dropped diacritics and tatweel right after it, which belong to its span. (Of the two
    /// letters a lam-alef ligature folds to, only the second takes them.) Worked out here, from the original,
    /// rather than stored for every char: spans are few, chars are many.</summary>
    public int OriginalEnd(int index)
    {
        var end = _start[index] + 1;
        if (index + 1 < Length && _start[index + 1] == _start[index])
        {
            return end;
        }

        while (end < Original.Length && ArabicNormalizer.IsCombiningMark(Original[end]) && ArabicNormalizer.Fold(Original[end]) == '\0')
        {
            end++;
        }

        return end;
    }

    /// <summary>Maps a folded range <c>[start, end)</c> (end &gt; start) to the original text.</summary>
    public TextSpan ToOriginal(int start, int end) => new(_start[start], OriginalEnd(end - 1));

    /// <inheritdoc />
    public void Dispose()
    {
        if (_chars.Length == 0)
        {
            return;
        }

        ArrayPool<char>.Shared.Return(_chars);
        ArrayPool<int>.Shared.Return(_start);
        _chars = [];
        _start = [];
    }

    /// <summary>Folds <paramref name="c"/> (at <paramref name="index"/> of the original) when it is not the
    /// common case: a dropped char, a presentation form, a char outside ASCII and the Arabic block, or
    /// full buffers. Returns the buffers (new ones when they grew) and the new length.</summary>
    private static (char[] Chars, int[] Start, int Length) AppendRare(char c, int index, char[] chars, int[] start, int n)
    {
        Span<char> two = stackalloc char[2];
        var written = ArabicNormalizer.FoldInto(c, two);
        if (written == 0)
        {
            // A dropped diacritic or tatweel right after a letter belongs to that letter's span (see OriginalEnd).
            return (chars, start, n);
        }

        if (n + written > chars.Length)
        {
            var size = chars.Length * 2;
            var c2 = ArrayPool<char>.Shared.Rent(size);
            var s2 = ArrayPool<int>.Shared.Rent(size);
            chars.AsSpan(0, n).CopyTo(c2);
            start.AsSpan(0, n).CopyTo(s2);
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<int>.Shared.Return(start);
            (chars, start) = (c2, s2);
        }

        for (var k = 0; k < written; k++)
        {
            chars[n] = two[k];
            start[n] = index;
            n++;
        }

        return (chars, start, n);
    }
}
