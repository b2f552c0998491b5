namespace ExtractRpc.Server.Tests;

/// <summary>The five seed articles copied beside the test assembly.</summary>
public static class Seeds
{
    public static IReadOnlyList<(string Name, string Text)> All { get; } =
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), "*.txt").Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileNameWithoutExtension(f), File.ReadAllText(f)))];

    /// <summary>Slices <paramref name="text"/> by code points, as a Python caller would.</summary>
    public static string SliceCodePoints(string text, int start, int end)
    {
        var runes = text.EnumerateRunes().ToArray();
        return string.Concat(runes[start..end].Select(r => r.ToString()));
    }

    /// <summary>Slices the UTF-8 bytes of <paramref name="text"/>, as a Go caller would.</summary>
    public static string SliceUtf8(string text, int start, int end)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        return System.Text.Encoding.UTF8.GetString(bytes, start, end - start);
    }

    /// <summary>Slices <paramref name="text"/> at a response span counted in <paramref name="unit"/>.</summary>
    public static string Slice(string text, ExtractRpc.Protocol.V1.Span span, ExtractRpc.Protocol.V1.OffsetUnit unit) => unit switch
    {
        ExtractRpc.Protocol.V1.OffsetUnit.CodePoint => SliceCodePoints(text, span.Start, span.End),
        ExtractRpc.Protocol.V1.OffsetUnit.Utf8 => SliceUtf8(text, span.Start, span.End),
        _ => text[span.Start..span.End],
    };
}
