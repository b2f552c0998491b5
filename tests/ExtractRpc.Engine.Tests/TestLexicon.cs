using ExtractRpc.Engine;
using ExtractRpc.Engine.Lexicon;
using ExtractRpc.Engine.Pipeline;

namespace ExtractRpc.Engine.Tests;

/// <summary>The built-in lexicon and a pipeline over it, compiled once for all tests.</summary>
public static class TestLexicon
{
    private static readonly Lazy<CompiledLexicon> s_lexicon = new(() => LexiconCompiler.Compile());

    public static CompiledLexicon Lexicon => s_lexicon.Value;

    public static ExtractionPipeline Pipeline { get; } = new(Lexicon, new FixedClock(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero)));

    /// <summary>Extracts with a fixed reference time (Wednesday 4 May 2022, noon UTC) unless one is given.</summary>
    public static ExtractionResult Extract(string text, ExtractionKinds kinds = ExtractionKinds.All, DateTimeOffset? reference = null) =>
        Pipeline.Extract(text, new ExtractionOptions(kinds, reference ?? new DateTimeOffset(2022, 5, 4, 12, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc));

    public static string Slice(string text, ExtractRpc.Engine.Text.TextSpan span) => text[span.Start..span.End];
}

/// <summary>A clock that always says the same time.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>A fact that is skipped (not passed) when the shared evaluation data is not beside the repository.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(string relativePath)
    {
        if (SharedData.Find(relativePath) is null)
        {
            Skip = $"../shared/data/{relativePath} is not present: evaluation data is read from beside the repository";
        }
    }
}

/// <summary>Finds ../shared/data from the test's working directory.</summary>
public static class SharedData
{
    public static string? Find(string relativePath)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", relativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            candidate = Path.Combine(dir.FullName, "..", "shared", "data", relativePath);
            if (File.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }

            dir = dir.Parent;
        }

        return null;
    }
}
