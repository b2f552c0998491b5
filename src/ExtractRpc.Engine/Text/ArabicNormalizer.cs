using System.Runtime.CompilerServices;
using System.Text;

namespace ExtractRpc.Engine.Text;

/// <summary>
/// Folds Arabic text to the form lexicon keys are written in. Used for matching only: results always
/// carry spans on the original text. Thread-safe; never throws.
/// </summary>
/// <remarks>
/// Rules, after Lucene's ArabicNormalizer and extended for news text:
/// hamza-alef forms (أ إ آ ٱ) → alef; alef maksura (ى) → yeh; teh marbuta (ة) → heh;
/// harakat, shadda, sukun, superscript alef, Quranic marks and tatweel are removed;
/// Arabic-Indic and Persian digits → ASCII digits; Persian/Urdu letters → their Arabic letters
/// (ک→ك، ی→ي، گ→غ، پ→ب، چ→ج، ڤ→ف، ە→ه); presentation forms → base letters;
/// bidi controls and zero-width characters are removed; Latin letters are lower-cased.
/// Alef maksura and teh marbuta are folded everywhere, so function words (على) and names (علي)
/// meet in one key: the lexicon keeps function words out of names instead.
/// </remarks>
public static class ArabicNormalizer
{
    /// <summary>Arabic letter alef (ا).</summary>
    public const char Alef = '\u0627';
    /// <summary>Arabic letter yeh (ي).</summary>
    public const char Yeh = '\u064A';
    /// <summary>Arabic letter heh (ه).</summary>
    public const char Heh = '\u0647';
    /// <summary>Arabic tatweel (ـ), a stretching stroke with no letter value.</summary>
    public const char Tatweel = '\u0640';

    private const char Removed = '\0';

    /// <summary>What <see cref="FoldCommon"/> returns for a char outside ASCII and the Arabic block.</summary>
    internal const char NotCommon = '\uFFFF';

    // One entry per UTF-16 code unit of the Arabic block and of the presentation forms (built in this
    // textual order: the presentation table reads the Arabic one); other chars fold by FoldOther.
    // Presentation forms that decompose into two letters (lam-alef ligatures) keep both in s_presentation.
    private static readonly char[] s_arabic = BuildArabicTable();
    private static readonly string?[] s_presentation = BuildPresentationTable(out s_presentationSingle);
    private static readonly char[] s_presentationSingle;

    // FoldCommon's table: ASCII and the Arabic block folded, NotCommon between them.
    private const char CommonEnd = '\u0700';
    private static readonly char[] s_common = BuildCommonTable();

    /// <summary>True for characters that are dropped but belong to the letter before them
    /// (harakat, shadda, sukun, superscript alef, tatweel): a span that ends on that letter takes them.</summary>
    public static bool IsCombiningMark(char c) =>
        c is >= '\u064B' and <= '\u065F' or '\u0670' or Tatweel or >= '\u06D6' and <= '\u06ED' and not '\u06E5' and not '\u06E6';

    /// <summary>True for invisible formatting characters that are dropped: bidi controls and zero-width marks.</summary>
    public static bool IsFormatMark(char c) =>
        c is '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u061C' or '\uFEFF' or '\u00AD'
          or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    /// <summary>
    /// Folds one character. Returns <c>'\0'</c> when the character is dropped. For presentation forms
    /// that expand to two letters (lam-alef), use <see cref="FoldInto"/>.
    /// </summary>
    public static char Fold(char c)
    {
        if (c < 0x80)
        {
            return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        }

        if (c is >= '\u0600' and <= '\u06FF')
        {
            return s_arabic[c - 0x0600];
        }

        if (c is >= '\uFB50' and <= '\uFEFF')
        {
            return s_presentationSingle[c - 0xFB50];
        }

        return FoldOther(c);
    }

    /// <summary>
    /// The fold of an ASCII or Arabic-block char, which is nearly every char of Arabic news, without a
    /// call: <c>'\0'</c> when it is dropped, <see cref="NotCommon"/> for any other char (fold those with
    /// <see cref="FoldInto"/>; U+FFFF itself lands there too).
    /// </summary>
    /// <remarks>One table read behind one branch that news text nearly always takes the same way:
    /// a test for ASCII first would go one way for spaces and digits and the other for letters.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static char FoldCommon(char c) => c < CommonEnd ? s_common[c] : NotCommon;

    /// <summary>
    /// Folds one character into <paramref name="destination"/> and returns how many chars were written (0, 1 or 2).
    /// </summary>
    public static int FoldInto(char c, Span<char> destination)
    {
        if (c is >= '\uFB50' and <= '\uFEFF')
        {
            var expansion = s_presentation[c - 0xFB50];
            if (expansion is { Length: 2 })
            {
                destination[0] = expansion[0];
                destination[1] = expansion[1];
                return 2;
            }
        }

        var folded = Fold(c);
        if (folded == Removed)
        {
            return 0;
        }

        destination[0] = folded;
        return 1;
    }

    /// <summary>Normalizes a whole string (for keys and tests); the hot path uses <see cref="NormalizedText"/>.</summary>
    public static string Normalize(ReadOnlySpan<char> text)
    {
        var builder = new StringBuilder(text.Length);
        Span<char> buffer = stackalloc char[2];
        foreach (var c in text)
        {
            var n = FoldInto(c, buffer);
            builder.Append(buffer[..n]);
        }

        return builder.ToString();
    }

    /// <summary>True for characters that make up words: letters and digits after folding.</summary>
    public static bool IsWordChar(char folded) =>
        folded is >= '\u0621' and <= '\u064A' or >= '0' and <= '9' or >= 'a' and <= 'z'
        || (folded > 0x7F && char.IsLetterOrDigit(folded));

    /// <summary>True for folded Arabic letters.</summary>
    public static bool IsArabicLetter(char folded) => folded is >= '\u0621' and <= '\u064A';

    private static char FoldOther(char c)
    {
        if (IsFormatMark(c))
        {
            return Removed;
        }

        // Persian digits live in the Arabic block; other Unicode decimal digits fold too.
        if (char.IsDigit(c))
        {
            var value = (int)char.GetNumericValue(c);
            return value is >= 0 and <= 9 ? (char)('0' + value) : c;
        }

        return char.IsUpper(c) ? char.ToLowerInvariant(c) : c;
    }

    private static char[] BuildCommonTable()
    {
        var table = new char[CommonEnd];
        for (var c = 0; c < table.Length; c++)
        {
            table[c] = c < 0x80 ? (c is >= 'A' and <= 'Z' ? (char)(c + 32) : (char)c) : c >= 0x0600 ? s_arabic[c - 0x0600] : NotCommon;
        }

        return table;
    }

    private static char[] BuildArabicTable()
    {
        var table = new char[0x100];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = (char)(0x0600 + i);
        }

        void Set(char from, char to) => table[from - 0x0600] = to;

        // Alef forms.
        Set('\u0622', Alef); // آ
        Set('\u0623', Alef); // أ
        Set('\u0625', Alef); // إ
        Set('\u0671', Alef); // ٱ
        Set('\u0672', Alef);
        Set('\u0673', Alef);
        Set('\u0675', Alef);
        Set('\u0649', Yeh);  // ى alef maksura
        Set('\u0629', Heh);  // ة teh marbuta
        // Persian and Urdu letters.
        Set('\u06A9', '\u0643'); // ک keheh → kaf
        Set('\u06AA', '\u0643');
        Set('\u06CC', Yeh);      // ی Farsi yeh
        Set('\u06D0', Yeh);
        Set('\u06D2', Yeh);
        Set('\u06AF', '\u063A'); // گ gaf → ghain, the letter most Arabic news uses for g
        Set('\u067E', '\u0628'); // پ peh → beh
        Set('\u0686', '\u062C'); // چ tcheh → jeem
        Set('\u06A4', '\u0641'); // ڤ veh → feh
        Set('\u06D5', Heh);      // ە ae
        Set('\u06C1', Heh);      // ہ heh goal
        Set('\u06C0', Heh);      // ۀ
        Set('\u06BE', Heh);
        Set('\u0679', '\u062A');
        Set('\u0688', '\u062F');
        Set('\u0691', '\u0631');
        Set('\u0698', '\u0632'); // ژ
        Set('\u06C6', '\u0648');
        Set('\u06C7', '\u0648');
        Set('\u06C8', '\u0648');
        Set('\u06CB', '\u0648');
        Set('\u06BA', '\u0646');

        // Digits.
        for (var d = 0; d < 10; d++)
        {
            Set((char)('\u0660' + d), (char)('0' + d));
            Set((char)('\u06F0' + d), (char)('0' + d));
        }

        // Marks that are dropped.
        for (var c = '\u0600'; c <= '\u06FF'; c++)
        {
            if (IsCombiningMark(c) || c == '\u061C')
            {
                table[c - 0x0600] = Removed;
            }
        }

        return table;
    }

    private static string?[] BuildPresentationTable(out char[] single)
    {
        var expansions = new string?[0xFEFF - 0xFB50 + 1];
        single = new char[expansions.Length];
        for (var i = 0; i < expansions.Length; i++)
        {
            var c = (char)(0xFB50 + i);
            if (c == '\uFEFF')
            {
                single[i] = Removed;
                continue;
            }

            string decomposed;
            try
            {
                decomposed = c.ToString().Normalize(NormalizationForm.FormKC);
            }
            catch (ArgumentException)
            {
                decomposed = c.ToString();
            }

            var folded = new StringBuilder(2);
            foreach (var d in decomposed)
            {
                var f = d is >= '\u0600' and <= '\u06FF' ? s_arabic[d - 0x0600] : (d is >= '\uFB50' and <= '\uFEFF' ? Removed : FoldOther(d));
                if (f != Removed && f != ' ')
                {
                    folded.Append(f);
                }
            }

            var text = folded.ToString();
            expansions[i] = text.Length == 2 ? text : null;
            single[i] = text.Length >= 1 ? text[0] : (decomposed.Length == 1 && decomposed[0] == c ? c : Removed);
        }

        return expansions;
    }
}
