namespace ExtractRpc.Engine.Text;

/// <summary>
/// A half-open range <c>[Start, End)</c> of UTF-16 code units in the original text.
/// </summary>
public readonly record struct TextSpan(int Start, int End)
{
    /// <summary>Number of code units in the span.</summary>
    public int Length => End - Start;

    /// <summary>True when <paramref name="other"/> shares at least one code unit with this span.</summary>
    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;

    /// <summary>True when <paramref name="other"/> lies entirely inside this span.</summary>
    public bool Contains(TextSpan other) => Start <= other.Start && other.End <= End;

    /// <inheritdoc />
    public override string ToString() => $"[{Start},{End})";
}
