using System.Buffers;

namespace ExtractRpc.Engine.Text;

/// <summary>
/// A text folded and split into tokens, shared by every extractor of one extraction. Owns pooled
/// buffers: dispose it when the extraction is done. Not thread-safe.
/// </summary>
public sealed class AnalyzedText : IDisposable
{
    private Token[] _tokens;

    private AnalyzedText(NormalizedText normalized, Token[] tokens, int count)
    {
        Normalized = normalized;
        _tokens = tokens;
        Count = count;
    }

    /// <summary>The folded text and its map to the original.</summary>
    public NormalizedText Normalized { get; }

    /// <summary>The text as sent.</summary>
    public string Original => Normalized.Original;

    /// <summary>Number of tokens.</summary>
    public int Count { get; }

    /// <summary>The tokens in text order.</summary>
    public ReadOnlySpan<Token> Tokens => _tokens.AsSpan(0, Count);

    /// <summary>The token at <paramref name="index"/>.</summary>
    public ref readonly Token this[int index] => ref _tokens[index];

    /// <summary>Folded chars of token <paramref name="index"/>.</summary>
    public ReadOnlySpan<char> TokenText(int index)
    {
        var t = _tokens[index];
        return Normalized.Chars.Slice(t.Start, t.End - t.Start);
    }

    /// <summary>True when token <paramref name="index"/> exists and is the punctuation char <paramref name="c"/>.</summary>
    public bool IsPunct(int index, char c) =>
        (uint)index < (uint)Count && _tokens[index].Kind == TokenKind.Punct && Normalized.Chars[_tokens[index].Start] == c;

    /// <summary>
    /// True when token <paramref name="index"/> ends a sentence: a line break, ؟ ? ! or a full stop
    /// (not one between digits, as in 4.5). Outside the text counts as an end.
    /// </summary>
    public bool IsSentenceEnd(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            return true;
        }

        var token = _tokens[index];
        if (token.Kind == TokenKind.LineBreak)
        {
            return true;
        }

        if (token.Kind != TokenKind.Punct)
        {
            return false;
        }

        var c = Normalized.Chars[token.Start];
        return c is '\u061F' or '?' or '!' || (c == '.' && !(index + 1 < Count && !_tokens[index + 1].SpaceBefore && _tokens[index + 1].Kind == TokenKind.Number));
    }

    /// <summary>Original span of tokens <c>[first, last]</c>, from folded char <paramref name="skip"/> of the first.</summary>
    public TextSpan Span(int first, int last, int skip = 0) =>
        Normalized.ToOriginal(_tokens[first].Start + skip, _tokens[last].End);

    /// <summary>Folds and tokenizes <paramref name="text"/>.</summary>
    public static AnalyzedText Create(string text, CancellationToken cancellationToken = default)
    {
        var normalized = NormalizedText.Create(text);
        var chars = normalized.Chars;
        var tokens = ArrayPool<Token>.Shared.Rent(Math.Max(16, chars.Length / 4));
        var count = 0;
        var space = true;
        var i = 0;
        while (i < chars.Length)
        {
            if ((i & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var c = chars[i];
            if (c is '\n' or '\r' or '\u2029' or '\u2028' or '\u0085')
            {
                // A run of line breaks (with blank lines) is one boundary.
                var start = i;
                while (i < chars.Length && (chars[i] is '\n' or '\r' or '\u2029' or '\u2028' or '\u0085' || char.IsWhiteSpace(chars[i])))
                {
                    i++;
                }

                Add(ref tokens, ref count, new Token(start, start + 1, TokenKind.LineBreak, true));
                space = true;
                continue;
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = true;
                i++;
                continue;
            }

            if (c is >= '0' and <= '9')
            {
                var start = i;
                while (i < chars.Length && chars[i] is >= '0' and <= '9')
                {
                    i++;
                }

                Add(ref tokens, ref count, new Token(start, i, TokenKind.Number, space));
            }
            else if (ArabicNormalizer.IsWordChar(c))
            {
                var start = i;
                while (i < chars.Length && ArabicNormalizer.IsWordChar(chars[i]) && chars[i] is not (>= '0' and <= '9'))
                {
                    i++;
                }

                Add(ref tokens, ref count, new Token(start, i, TokenKind.Word, space));
            }
            else
            {
                // A surrogate pair (emoji) is one symbol token.
                var len = char.IsHighSurrogate(c) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]) ? 2 : 1;
                Add(ref tokens, ref count, new Token(i, i + len, TokenKind.Punct, space));
                i += len;
            }

            space = false;
        }

        return new AnalyzedText(normalized, tokens, count);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_tokens.Length != 0)
        {
            ArrayPool<Token>.Shared.Return(_tokens);
            _tokens = [];
        }

        Normalized.Dispose();
    }

    private static void Add(ref Token[] tokens, ref int count, Token token)
    {
        if (count == tokens.Length)
        {
            var bigger = ArrayPool<Token>.Shared.Rent(tokens.Length * 2);
            tokens.AsSpan(0, count).CopyTo(bigger);
            ArrayPool<Token>.Shared.Return(tokens);
            tokens = bigger;
        }

        tokens[count++] = token;
    }
}
