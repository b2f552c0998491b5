namespace ExtractRpc.Engine.Lexicon;

/// <summary>
/// The spellings Arabic news uses for one foreign name, so that the data holds each name once: the
/// letter for a foreign g (غ، ج، ق: شويغو، شويجو) and a foreign ch (تش، ش) as generated variants, and long vowels written,
/// left out or swapped (ساليفان، سوليفان؛ ديميتري، دميتري) through a consonant skeleton. Works on
/// folded tokens.
/// </summary>
internal static class SpellingVariants
{
    private const char Ghain = '\u063A';
    private const char Jeem = '\u062C';
    private const char Qaf = '\u0642';
    private const char Alef = '\u0627';
    private const char Waw = '\u0648';
    private const char Yeh = '\u064A';
    private const char Lam = '\u0644';
    private const char YehHamza = '\u0626';

    private static readonly char[] s_gLetters = [Ghain, Jeem, Qaf];

    // The letters a variant changes: the g-letters that vary (غ، ج), ش for ch and the hamza's seat.
    private static readonly System.Buffers.SearchValues<char> s_variedLetters = System.Buffers.SearchValues.Create([Ghain, Jeem, Sheen, YehHamza]);

    /// <summary>Shortest token that gets a skeleton: shorter words are too often other words.</summary>
    public const int MinSkeletonLength = 4;

    /// <summary>Fewest letters a skeleton keeps after its first letter (and article).</summary>
    private const int MinSkeletonConsonants = 2;

    private const char Teh = '\u062A';
    private const char Sheen = '\u0634';

    /// <summary>The g-letter, ch and hamza-seat variants of a folded token, without the token itself.</summary>
    public static IEnumerable<string> Of(string token)
    {
        // Most tokens have nothing to vary: no g-letter, no initial ch, no hamza on a seat.
        if (token.AsSpan().IndexOfAny(s_variedLetters) < 0)
        {
            return [];
        }

        var forms = GVariants(token).Append(token).ToList();
        foreach (var form in forms.ToList())
        {
            // A foreign ch is written تش or ش (تشافيز، شافيز؛ تشيني، شيني).
            if (form.Length > 4 && form[0] == Teh && form[1] == Sheen)
            {
                forms.Add(form[1..]);
            }
            else if (form.Length > 3 && form[0] == Sheen)
            {
                forms.Add(Teh + form);
            }
        }

        // A hamza on its seat inside a name is often left out: رافائيل، رافايل؛ ميكائيل، ميكايل.
        foreach (var form in forms.ToList())
        {
            var hamza = form.IndexOf(YehHamza, 1);
            if (hamza > 0 && hamza < form.Length - 1 && form[hamza - 1] == Alef)
            {
                forms.Add(string.Concat(form.AsSpan(0, hamza), Yeh.ToString(), form.AsSpan(hamza + 1)));
            }
        }

        return forms.Where(f => f != token).Distinct(StringComparer.Ordinal);
    }

    /// <summary>
    /// A foreign given name's last vowel written or left out: ستيفن، ستيفين؛ فيدل، فيديل؛ خوسيه، خوسي. The
    /// ي before a final consonant is added where it is missing and dropped where it is written, and a
    /// final يه (e, as in José, Didier) is also written ي. Works on folded tokens. A ي is dropped only from
    /// six letters or more: shorter forms are Arabic words (غريس → غرس، وليم → ولم).
    /// </summary>
    public static IEnumerable<string> LastVowel(string token)
    {
        if (token.Length < 4)
        {
            yield break;
        }

        var last = token[^1];
        var before = token[^2];
        if (before == Yeh && last == '\u0647' && token.Length >= 5)
        {
            yield return token[..^1]; // خوسيه → خوسي
        }
        else if (before == Yeh && token.Length >= 6 && !IsVowelLetter(token[^3]) && !IsVowelLetter(last))
        {
            yield return string.Concat(token.AsSpan(0, token.Length - 2), last.ToString()); // ستيفين → ستيفن
        }
        else if (!IsVowelLetter(before) && !IsVowelLetter(last))
        {
            yield return string.Concat(token.AsSpan(0, token.Length - 1), Yeh.ToString(), last.ToString()); // فيدل → فيديل
        }
    }

    private static bool IsVowelLetter(char c) => c is Alef or Waw or Yeh or '\u0647';

    /// <summary>
    /// Writes the consonant skeleton of a folded token: the long vowels ا و ي inside it are dropped
    /// (the first and last letters and an article stay). Returns its length, or 0 when the token is
    /// too short to have one.
    /// </summary>
    public static int Skeleton(ReadOnlySpan<char> token, Span<char> destination)
    {
        if (token.Length < MinSkeletonLength || token.Length > destination.Length)
        {
            return 0;
        }

        var first = token.Length > 2 && token[0] == Alef && token[1] == Lam ? 3 : 1;
        token[..first].CopyTo(destination);
        var n = first;
        for (var i = first; i < token.Length - 1; i++)
        {
            if (token[i] is not (Alef or Waw or Yeh))
            {
                destination[n++] = token[i];
            }
        }

        destination[n++] = token[^1];
        return n - first >= MinSkeletonConsonants ? n : 0;
    }

    // Every g-letter (غ or ج) in turn takes the other g-letters; at most two positions vary.
    private static IEnumerable<string> GVariants(string token)
    {
        if (token.Length < 3)
        {
            yield break;
        }

        var positions = new List<int>();
        for (var i = 0; i < token.Length && positions.Count < 2; i++)
        {
            if (token[i] is Ghain or Jeem)
            {
                positions.Add(i);
            }
        }

        if (positions.Count == 0)
        {
            yield break;
        }

        var chars = token.ToCharArray();
        var combinations = (int)Math.Pow(s_gLetters.Length, positions.Count);
        for (var k = 0; k < combinations; k++)
        {
            var x = k;
            foreach (var p in positions)
            {
                chars[p] = s_gLetters[x % s_gLetters.Length];
                x /= s_gLetters.Length;
            }

            var form = new string(chars);
            if (form != token)
            {
                yield return form;
            }
        }
    }
}
