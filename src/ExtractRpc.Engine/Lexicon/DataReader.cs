namespace ExtractRpc.Engine.Lexicon;

/// <summary>Reads the project's data files: UTF-8 lines, <c>#</c> comments, tab-separated fields.</summary>
internal static class DataReader
{
    /// <summary>The non-comment rows of a file with at least <paramref name="minColumns"/> fields.
    /// Rows with fewer fields are reported through <paramref name="errors"/>.</summary>
    public static IEnumerable<(int Line, string[] Fields)> Rows(DataFile file, int minColumns, List<string> errors)
    {
        var lineNumber = 0;
        foreach (var raw in file.Content.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#' || line.Trim().Length == 0)
            {
                continue;
            }

            var fields = line.Split('\t');
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = fields[i].Trim();
            }

            if (fields.Length < minColumns || string.IsNullOrEmpty(fields[0]))
            {
                errors.Add($"{file.Name}:{lineNumber}: expected {minColumns} tab-separated fields, found {fields.Length}");
                continue;
            }

            yield return (lineNumber, fields);
        }
    }

    /// <summary>The parts of a <c>|</c>-separated field, trimmed, without empties.</summary>
    public static IEnumerable<string> Alternatives(string field) =>
        field.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
