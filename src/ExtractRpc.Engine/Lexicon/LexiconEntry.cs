namespace ExtractRpc.Engine.Lexicon;

/// <summary>What an entity is.</summary>
public enum EntityKind : byte
{
    /// <summary>A person.</summary>
    Person,
    /// <summary>An organization.</summary>
    Organization,
    /// <summary>A place.</summary>
    Location,
    /// <summary>A nationality or relational adjective, linked to a country.</summary>
    Nationality,
}

/// <summary>One entity of the lexicon. Immutable.</summary>
/// <param name="Id">Stable id (per:joe-biden, loc:ru, org:nato).</param>
/// <param name="Kind">What the entity is.</param>
/// <param name="Canonical">Canonical Arabic name.</param>
/// <param name="English">English name.</param>
/// <param name="Source">The data file it came from.</param>
public sealed record LexiconEntry(string Id, EntityKind Kind, string Canonical, string English, string Source)
{
    /// <summary>True for a country or territory: its id is loc: and a two-letter code (loc:eg).</summary>
    public bool IsCountry => IsCountryId(Id);

    /// <summary>True for a country's or territory's id (loc: and a two-letter code).</summary>
    public static bool IsCountryId(string id) => id.Length == 6 && id.StartsWith("loc:", StringComparison.Ordinal);
}

/// <summary>A data file handed to the lexicon compiler: a name for messages and its UTF-8 text.</summary>
/// <param name="Name">Where it came from (a resource name or a path).</param>
/// <param name="Content">The text.</param>
public sealed record DataFile(string Name, string Content);

/// <summary>Thrown when data files cannot be compiled; the message names the file and line.</summary>
public sealed class LexiconException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LexiconException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public LexiconException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public LexiconException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
