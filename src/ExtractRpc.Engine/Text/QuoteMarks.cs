namespace ExtractRpc.Engine.Text;

/// <summary>The quotation marks Arabic news uses, and how each one opens or closes.</summary>
public static class QuoteMarks
{
    /// <summary>True for any quotation mark: “ ” " « » ‘ ’ „ ‟ ‹ ›.</summary>
    public static bool IsQuoteMark(char c) => c is '\u201C' or '\u201D' or '"' or '\u00AB' or '\u00BB' or '\u2018' or '\u2019' or '\u201E' or '\u201F' or '\u2039' or '\u203A';

    /// <summary>Marks that only ever open a quote.</summary>
    public static bool IsOpenOnly(char c) => c is '\u00AB' or '\u201E' or '\u2039' or '\u201F';

    /// <summary>Marks that only ever close a quote.</summary>
    public static bool IsCloseOnly(char c) => c is '\u00BB' or '\u203A';
}
