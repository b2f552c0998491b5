using System.Buffers;
using ExtractRpc.Engine.Lexicon;
using ExtractRpc.Engine.Text;

namespace ExtractRpc.Engine.Pipeline;

/// <summary>
/// One document under extraction: the analyzed text and, for every token, its vocabulary id and the
/// id of its stem once proclitics are taken off. Each token is looked up once; every phrase table
/// then walks integers. Owns pooled buffers; not thread-safe.
/// </summary>
internal sealed class Document : IDisposable
{
    private int[] _ids;
    private int[] _stemIds;
    private int[] _stemSkips;
    private int[] _altIds;
    private int[] _altIds2;
    private bool[] _weak;

    private Document(AnalyzedText text, CompiledLexicon lexicon, int[] ids, int[] stemIds, int[] stemSkips, int[] altIds, int[] altIds2, bool[] weak)
    {
        _altIds = altIds;
        _altIds2 = altIds2;
        Text = text;
        Lexicon = lexicon;
        _ids = ids;
        _stemIds = stemIds;
        _stemSkips = stemSkips;
        _weak = weak;
    }

    public AnalyzedText Text { get; }

    public CompiledLexicon Lexicon { get; }

    public ReadOnlySpan<int> Ids => _ids.AsSpan(0, Text.Count);

    public ReadOnlySpan<int> StemIds => _stemIds.AsSpan(0, Text.Count);

    public ReadOnlySpan<int> StemSkips => _stemSkips.AsSpan(0, Text.Count);

    public int Count => Text.Count;

    /// <summary>True when the stem of token <paramref name="index"/> got its id only through a name
    /// skeleton: enough inside a longer name, not enough alone.</summary>
    public bool IsWeak(int index) => _weak[index];

    /// <summary>For every token, the id of the name whose consonant skeleton it shares (سوليفان →
    /// ساليفان) when that differs from its own id; phrase tables fall back to it.</summary>
    public ReadOnlySpan<int> AltIds => _altIds.AsSpan(0, Text.Count);

    /// <summary>A second name sharing the skeleton (سيلفان and سوليفان), or unknown.</summary>
    public ReadOnlySpan<int> AltIds2 => _altIds2.AsSpan(0, Text.Count);

    public static Document Create(string text, CompiledLexicon lexicon, CancellationToken cancellationToken)
    {
        var analyzed = AnalyzedText.Create(text, cancellationToken);
        var n = analyzed.Count;
        var ids = ArrayPool<int>.Shared.Rent(Math.Max(1, n));
        var stemIds = ArrayPool<int>.Shared.Rent(Math.Max(1, n));
        var stemSkips = ArrayPool<int>.Shared.Rent(Math.Max(1, n));
        var weak = ArrayPool<bool>.Shared.Rent(Math.Max(1, n));
        var altIds = ArrayPool<int>.Shared.Rent(Math.Max(1, n));
        var altIds2 = ArrayPool<int>.Shared.Rent(Math.Max(1, n));
        var vocabulary = lexicon.Vocabulary;
        Span<int> skips = stackalloc int[4];
        Span<bool> restore = stackalloc bool[4];
        Span<char> buffer = stackalloc char[64];
        for (var i = 0; i < n; i++)
        {
            if ((i & 0x3FFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            ids[i] = Vocabulary.Unknown;
            stemIds[i] = Vocabulary.Unknown;
            stemSkips[i] = 0;
            weak[i] = false;
            altIds[i] = Vocabulary.Unknown;
            altIds2[i] = Vocabulary.Unknown;
            var token = analyzed[i];
            if (token.Kind is TokenKind.LineBreak || token.Length > 48)
            {
                continue;
            }

            var word = analyzed.TokenText(i);
            ids[i] = vocabulary.Get(word);
            if (token.Kind != TokenKind.Word)
            {
                continue;
            }

            var alt = vocabulary.GetBySkeleton(word, out var alt2);
            altIds[i] = alt != ids[i] ? alt : Vocabulary.Unknown;
            altIds2[i] = alt2 != ids[i] ? alt2 : Vocabulary.Unknown;

            var candidates = Clitics.Candidates(word, skips, restore);
            for (var c = 0; c < candidates; c++)
            {
                var stem = word[skips[c]..];
                int id;
                if (restore[c])
                {
                    buffer[0] = ArabicNormalizer.Alef;
                    stem.CopyTo(buffer[1..]);
                    id = vocabulary.Get(buffer[..(stem.Length + 1)]);
                }
                else
                {
                    id = vocabulary.Get(stem);
                }

                if (id != Vocabulary.Unknown)
                {
                    stemIds[i] = id;
                    stemSkips[i] = skips[c];
                    break;
                }
            }

            if (stemIds[i] == Vocabulary.Unknown && ids[i] == Vocabulary.Unknown && altIds[i] == Vocabulary.Unknown && candidates > 0)
            {
                // وسوليفان: a clitic before a name spelled another way.
                var id = vocabulary.GetBySkeleton(word[skips[0]..]);
                if (id != Vocabulary.Unknown)
                {
                    stemIds[i] = id;
                    stemSkips[i] = skips[0];
                    weak[i] = true;
                }
            }
        }

        return new Document(analyzed, lexicon, ids, stemIds, stemSkips, altIds, altIds2, weak);
    }

    /// <summary>True when token <paramref name="index"/> is a word.</summary>
    public bool IsWord(int index) => (uint)index < (uint)Count && Text[index].Kind == TokenKind.Word;

    public void Dispose()
    {
        if (_ids.Length != 0)
        {
            ArrayPool<int>.Shared.Return(_ids);
            ArrayPool<int>.Shared.Return(_stemIds);
            ArrayPool<int>.Shared.Return(_stemSkips);
            ArrayPool<bool>.Shared.Return(_weak);
            ArrayPool<int>.Shared.Return(_altIds);
            ArrayPool<int>.Shared.Return(_altIds2);
            _ids = _stemIds = _stemSkips = _altIds = _altIds2 = [];
            _weak = [];
        }

        Text.Dispose();
    }
}
