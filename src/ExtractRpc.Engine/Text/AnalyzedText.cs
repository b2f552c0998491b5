using System.Buffers;
using System.Runtime.CompilerServices;

namespace ExtractRpc.Engine.Text;

/// <summary>
/// A text folded and split into tokens, shared by every extractor of one extraction. Owns pooled
/// buffers: dispose it when the extraction is done. Not thread-safe.
/// </summary>
public sealed class AnalyzedText : IDisposable
{
    private Token[] _tokens;

    // The folded chars' buffer, held here so that a token's text is one slice of an array away.
    private readonly char[] _chars;

    private AnalyzedText(NormalizedText normalized, Token[] tokens, int count)
    {
        Normalized = normalized;
        _chars = normalized.Buffer;
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
    public ref readonly Token this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref _tokens[index];
    }

    /// <summary>Folded chars of token <paramref name="index"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<char> TokenText(int index)
    {
        var t = _tokens[index];
        return new ReadOnlySpan<char>(_chars, t.Start, t.End - t.Start);
    }

    /// <summary>True when token <paramref name="index"/> exists and is the punctuation char <paramref name="c"/>.</summary>
    public bool IsPunct(int index, char c) =>
        (uint)index < (uint)Count && _tokens[index].Kind == TokenKind.Punct && _chars[_tokens[index].Start] == c;

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

        var c = _chars[token.Start];
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

            // Each turn adds at most one token.
            if (count == tokens.Length)
            {
                tokens = Grow(tokens, count);
            }

            var kind = Classify(chars[i]);
            if (kind == CharClass.LineBreak)
            {
                // A run of line breaks (with blank lines) is one boundary.
                var start = i;
                while (i < chars.Length && Classify(chars[i]) is CharClass.LineBreak or CharClass.Space)
                {
                    i++;
                }

                tokens[count++] = new Token(start, start + 1, TokenKind.LineBreak, true);
                space = true;
                continue;
            }

            if (kind is CharClass.Space or CharClass.Control)
            {
                space = true;
                i++;
                continue;
            }

            if (kind is CharClass.Digit or CharClass.Letter)
            {
                // A token is a run of digits or a run of letters: 2022م is a number and a word.
                var start = i;
                if (kind == CharClass.Letter)
                {
                    // Arabic letters make nearly every word: one vector search finds where they stop, where
                    // a loop would test each char and guess wrong where each word ends.
                    var run = chars[i..].IndexOfAnyExceptInRange(ArabicLetterFirst, ArabicLetterLast);
                    i = run < 0 ? chars.Length : i + run;
                }

                while (i < chars.Length && Classify(chars[i]) == kind)
                {
                    i++;
                }

                tokens[count++] = new Token(start, i, kind == CharClass.Digit ? TokenKind.Number : TokenKind.Word, space);
            }
            else
            {
                // A surrogate pair (emoji) is one symbol token.
                var c = chars[i];
                var len = char.IsHighSurrogate(c) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]) ? 2 : 1;
                tokens[count++] = new Token(i, i + len, TokenKind.Punct, space);
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

    /// <summary>What a folded char is to the tokenizer.</summary>
    private enum CharClass : byte
    {
        /// <summary>Punctuation or a symbol: a token of its own.</summary>
        Other,
        /// <summary>A letter (<see cref="ArabicNormalizer.IsWordChar"/>, not a digit).</summary>
        Letter,
        /// <summary>An ASCII digit (other digits are folded to these).</summary>
        Digit,
        /// <summary>White space that does not break a line: separates tokens, and belongs to a run of line breaks.</summary>
        Space,
        /// <summary>A control char that is not white space: separates tokens.</summary>
        Control,
        /// <summary>\n, \r, U+2028, U+2029 or U+0085.</summary>
        LineBreak,
    }

    // The class of every char below U+0700 (ASCII, Latin, the Arabic block): one load for nearly
    // every char of Arabic news. Others are classified by ClassifyOther.
    private static readonly CharClass[] s_classes = BuildClasses();

    // Folded Arabic letters (every char between is a letter to Classify).
    private const char ArabicLetterFirst = '\u0621', ArabicLetterLast = '\u064A';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static CharClass Classify(char c) => c < 0x0700 ? s_classes[c] : ClassifyOther(c);

    private static CharClass ClassifyOther(char c) =>
        c is '\n' or '\r' or '\u2029' or '\u2028' or '\u0085' ? CharClass.LineBreak
        : char.IsWhiteSpace(c) ? CharClass.Space
        : char.IsControl(c) ? CharClass.Control
        : c is >= '0' and <= '9' ? CharClass.Digit
        : ArabicNormalizer.IsWordChar(c) ? CharClass.Letter
        : CharClass.Other;

    private static CharClass[] BuildClasses()
    {
        var classes = new CharClass[0x0700];
        for (var c = 0; c < classes.Length; c++)
        {
            classes[c] = ClassifyOther((char)c);
        }

        return classes;
    }

    private static Token[] Grow(Token[] tokens, int count)
    {
        var bigger = ArrayPool<Token>.Shared.Rent(tokens.Length * 2);
        tokens.AsSpan(0, count).CopyTo(bigger);
        ArrayPool<Token>.Shared.Return(tokens);
        return bigger;
    }
}
