namespace ExtractRpc.Engine.Text;

/// <summary>What a token is made of.</summary>
public enum TokenKind : byte
{
    /// <summary>Letters (Arabic or other scripts).</summary>
    Word,
    /// <summary>ASCII digits after folding.</summary>
    Number,
    /// <summary>One punctuation or symbol char.</summary>
    Punct,
    /// <summary>A line break: paragraphs and datelines end here.</summary>
    LineBreak,
}

/// <summary>A token: a range of the folded text with what precedes it.</summary>
/// <param name="Start">First folded char.</param>
/// <param name="End">One past the last folded char.</param>
/// <param name="Kind">What the token is made of.</param>
/// <param name="SpaceBefore">True when white space separates it from the previous token.</param>
public readonly record struct Token(int Start, int End, TokenKind Kind, bool SpaceBefore)
{
    /// <summary>Folded length.</summary>
    public int Length => End - Start;
}
