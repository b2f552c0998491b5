namespace ExtractRpc.Engine.Text;

/// <summary>
/// Arabic proclitics that attach to the front of a word: an optional conjunction (و، ف) then an
/// optional preposition (ب، ل، ك). The article ال is not a clitic here: it stays where it is part of
/// a name (الولايات المتحدة) and names are stored with and without it where both occur.
/// </summary>
/// <remarks>
/// After the preposition ل an article loses its alef (ل + الولايات → للولايات), so a stem that
/// starts with ل after ل is also tried with the alef restored.
/// </remarks>
public static class Clitics
{
    /// <summary>Waw, the conjunction "and".</summary>
    public const char Waw = '\u0648';
    /// <summary>Feh, the conjunction "so, then".</summary>
    public const char Feh = '\u0641';
    /// <summary>Beh, the preposition "with, in".</summary>
    public const char Beh = '\u0628';
    /// <summary>Lam, the preposition "for, to".</summary>
    public const char Lam = '\u0644';
    /// <summary>Kaf, the preposition "like".</summary>
    public const char Kaf = '\u0643';

    /// <summary>Shortest stem a clitic may leave.</summary>
    public const int MinStemLength = 2;

    /// <summary>
    /// Writes the candidate stems of a folded word, shortest prefix first (after لل, the article's
    /// reading first), into <paramref name="skips"/>
    /// (how many chars the clitics take) and <paramref name="restoreAlef"/> (whether an alef is put back
    /// before the stem). Returns the number of candidates (at most 4).
    /// </summary>
    public static int Candidates(ReadOnlySpan<char> word, Span<int> skips, Span<bool> restoreAlef)
    {
        var n = 0;
        var conj = word.Length > 0 && word[0] is Waw or Feh ? 1 : 0;
        // Conjunction alone.
        if (conj == 1 && word.Length - 1 >= MinStemLength)
        {
            skips[n] = 1;
            restoreAlef[n++] = false;
        }

        // Preposition, after an optional conjunction.
        if (word.Length > conj && word[conj] is Beh or Lam or Kaf && word.Length - conj - 1 >= MinStemLength)
        {
            // للحكومة is ل + الحكومة before it is ل + لحكومة (a form some name holds): the article's
            // reading goes first; للبنان falls through to ل + لبنان, as البنان is no name.
            var skip = conj + 1;
            if (word[conj] == Lam && word[skip] == Lam && n + 1 < skips.Length)
            {
                skips[n] = skip;
                restoreAlef[n++] = true;
            }

            skips[n] = skip;
            restoreAlef[n++] = false;
        }

        return n;
    }
}
