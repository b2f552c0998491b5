using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace ExtractRpc.Engine.Lexicon;

/// <summary>
/// A compiled lexicon written to bytes and read back, so that a process can start without compiling
/// it: every table's arrays are stored as they are and read back into place, with nothing to rebuild.
/// A snapshot is valid only for the data it was compiled from and for the engine build that wrote it
/// (its <see cref="Key"/>); anything else, or a file that does not read back whole, is refused and the
/// lexicon is compiled.
/// </summary>
public static class LexiconSnapshot
{
    private const int Magic = 0x584C5245; // "ERLX"
    private const int Format = 1;

    /// <summary>
    /// What a snapshot must have been written from: the lexicon's data version (a hash of the built-in
    /// and user files) and this engine build. A rebuilt engine may compile the same data differently.
    /// </summary>
    public static string Key(IReadOnlyList<DataFile>? userEntityFiles = null) =>
        $"{LexiconCompiler.VersionOf(userEntityFiles)}/{typeof(LexiconSnapshot).Assembly.ManifestModule.ModuleVersionId:N}";

    /// <summary>
    /// The lexicon from the snapshot at <paramref name="path"/> when it was written for the same data and
    /// engine; otherwise the lexicon compiled, and written to <paramref name="path"/> for the next start
    /// (written aside and moved into place, so that a reader never sees half a file). Failing to write
    /// the snapshot is not an error: the compiled lexicon is returned all the same.
    /// </summary>
    public static CompiledLexicon LoadOrCompile(string path, IReadOnlyList<DataFile>? userEntityFiles, out bool loaded)
    {
        var key = Key(userEntityFiles);
        if (TryLoad(path, key, out var lexicon))
        {
            loaded = true;
            return lexicon;
        }

        loaded = false;
        lexicon = LexiconCompiler.Compile(userEntityFiles);
        TrySave(lexicon, path, key);
        return lexicon;
    }

    /// <summary>Reads the snapshot at <paramref name="path"/>; false when there is none, when it was written
    /// for another key, or when it does not read back whole.</summary>
    public static bool TryLoad(string path, string key, out CompiledLexicon lexicon)
    {
        lexicon = null!;
        try
        {
            if (!File.Exists(path))
            {
                return false;
            }

            using var stream = File.OpenRead(path);
            return TryRead(stream, key, out lexicon);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Writes the snapshot to <paramref name="path"/>, through a temporary file moved into place.
    /// Returns false (and leaves no temporary file) when it cannot be written.</summary>
    public static bool TrySave(CompiledLexicon lexicon, string path, string key)
    {
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }

            using (var stream = File.Create(temporary))
            {
                Write(lexicon, key, stream);
            }

            File.Move(temporary, path, overwrite: true);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // Nothing more to do: the directory is not writable.
            }

            return false;
        }
    }

    /// <summary>Writes <paramref name="lexicon"/> under <paramref name="key"/>: a header, the body, and the
    /// body's SHA-256.</summary>
    public static void Write(CompiledLexicon lexicon, string key, Stream stream)
    {
        using var body = new MemoryStream();
        using (var writer = new BinaryWriter(body, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            WriteBody(lexicon, writer);
        }

        using var header = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        header.Write(Magic);
        header.Write(Format);
        header.Write(key);
        header.Write(body.Length);
        header.Write(SHA256.HashData(body.GetBuffer().AsSpan(0, (int)body.Length)));
        header.Write(body.GetBuffer(), 0, (int)body.Length);
    }

    /// <summary>Reads a snapshot written under <paramref name="key"/>; false for another key, another
    /// format, or bytes that do not match their hash.</summary>
    public static bool TryRead(Stream stream, string key, out CompiledLexicon lexicon)
    {
        lexicon = null!;
        try
        {
            using var header = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            if (header.ReadInt32() != Magic || header.ReadInt32() != Format || header.ReadString() != key)
            {
                return false;
            }

            var length = header.ReadInt64();
            var hash = header.ReadBytes(32);
            if (length is < 0 or > int.MaxValue || (stream.CanSeek && length > stream.Length - stream.Position))
            {
                return false;
            }

            var bytes = GC.AllocateUninitializedArray<byte>((int)length);
            stream.ReadExactly(bytes);
            if (!SHA256.HashData(bytes).AsSpan().SequenceEqual(hash))
            {
                return false;
            }

            using var reader = new BinaryReader(new MemoryStream(bytes, writable: false));
            lexicon = ReadBody(reader);
            return reader.BaseStream.Position == reader.BaseStream.Length;
        }
        catch (Exception ex) when (ex is EndOfStreamException or InvalidDataException or IOException or ArgumentException or IndexOutOfRangeException or OverflowException)
        {
            lexicon = null!;
            return false;
        }
    }

    private static void WriteBody(CompiledLexicon lexicon, BinaryWriter w)
    {
        w.Write(lexicon.Version);
        lexicon.Vocabulary.Write(w);
        w.Write(lexicon.Entries.Length);
        foreach (var e in lexicon.Entries)
        {
            w.Write(e.Id);
            w.Write((byte)e.Kind);
            w.Write(e.Canonical);
            w.Write(e.English);
            w.Write(e.Source);
        }

        lexicon.Entities.Write(w, Int);
        WriteWords(lexicon.Words, w);
        w.Write(lexicon.Counts.Count);
        foreach (var (name, count) in lexicon.Counts)
        {
            w.Write(name);
            w.Write(count);
        }

        w.Write(lexicon.ExactFunctionWords.Count);
        foreach (var word in lexicon.ExactFunctionWords)
        {
            w.Write(word);
        }

        SnapshotIO.WriteArray(w, lexicon.StartMasks);
        WriteMap(w, lexicon.Surnames);
        WriteMap(w, lexicon.NisbaNamedCountries);
    }

    private static CompiledLexicon ReadBody(BinaryReader r)
    {
        var version = r.ReadString();
        var vocabulary = Vocabulary.Read(r);
        var entries = ImmutableArray.CreateBuilder<LexiconEntry>(SnapshotIO.ReadLength(r));
        for (var i = 0; i < entries.Capacity; i++)
        {
            entries.Add(new LexiconEntry(r.ReadString(), (EntityKind)r.ReadByte(), r.ReadString(), r.ReadString(), r.ReadString()));
        }

        var entities = PhraseTable<int>.Read(r, ReadInt);
        var words = ReadWords(r);
        var counts = ImmutableDictionary.CreateBuilder<string, long>(StringComparer.Ordinal);
        for (var n = SnapshotIO.ReadLength(r); n > 0; n--)
        {
            counts[r.ReadString()] = r.ReadInt64();
        }

        var exact = new HashSet<string>(StringComparer.Ordinal);
        for (var n = SnapshotIO.ReadLength(r); n > 0; n--)
        {
            exact.Add(r.ReadString());
        }

        var startMasks = SnapshotIO.ReadArray<int>(r);
        return new CompiledLexicon(version, vocabulary, entries.MoveToImmutable(), entities, words, counts.ToImmutable(), exact, startMasks, ReadMap(r), ReadMap(r));
    }

    private static void WriteWords(WordLists l, BinaryWriter w)
    {
        l.FirstNames.Write(w, Bool);
        l.Titles.Write(w, Text);
        l.OrgHeads.Write(w, Text);
        l.PlaceTriggers.Write(w, Text);
        l.FunctionWords.Write(w, Bool);
        l.AmbiguousNames.Write(w, Bool);
        l.CommonWords.Write(w, Bool);
        l.NameParticles.Write(w, Bool);
        l.Months.Write(w, (w, v) => { w.Write(v.Month); w.Write((byte)v.Calendar); });
        l.Weekdays.Write(w, Int);
        l.Ordinals.Write(w, (w, v) => { w.Write(v.Value); w.Write((byte)v.Roles); });
        l.Numbers.Write(w, (w, v) => { w.Write(v.Value); w.Write((byte)v.Role); });
        l.Units.Write(w, (w, v) => { w.Write((byte)v.Unit); w.Write(v.Count); });
        l.Relative.Write(w, (w, v) => { w.Write((byte)v.Kind); w.Write(v.Value); w.Write((byte)v.Unit); w.Write((byte)v.Part); });
        l.Holidays.Write(w, (w, v) => { Text(w, v.Id); w.Write((byte)v.Calendar); w.Write(v.Month); w.Write(v.Day); w.Write(v.LengthDays); });
        l.Decades.Write(w, Int);
        l.Eras.Write(w, (w, v) => w.Write((byte)v));
        l.DayParts.Write(w, (w, v) => { Text(w, v.Kind); w.Write(v.Hour); });
        l.ClockWords.Write(w, Int);
        l.SpeechVerbs.Write(w, (w, v) => { Text(w, v.Lemma); w.Write(v.Direct); w.Write(v.Relay); });
        l.CuePhrases.Write(w, (w, v) => { w.Write((byte)v.Kind); w.Write(v.TrailingLam); });
        l.SpeakerNouns.Write(w, Text);
        l.AfterSpeaker.Write(w, Bool);
        l.SportsWords.Write(w, Bool);
        l.Clubs.Write(w, Int);
        l.MediaCredits.Write(w, Bool);
        l.Media.Write(w, Int);
        l.NamesAlsoWords.Write(w, Bool);
        l.PlacesAlsoWords.Write(w, Bool);
        l.Classifiers.Write(w);
    }

    private static WordLists ReadWords(BinaryReader r) => new(
        PhraseTable<bool>.Read(r, ReadBool),
        PhraseTable<string>.Read(r, ReadText),
        PhraseTable<string>.Read(r, ReadText),
        PhraseTable<string>.Read(r, ReadText),
        PhraseTable<bool>.Read(r, ReadBool),
        PhraseTable<bool>.Read(r, ReadBool),
        PhraseTable<bool>.Read(r, ReadBool),
        PhraseTable<bool>.Read(r, ReadBool),
        PhraseTable<MonthName>.Read(r, r => new MonthName(r.ReadInt32(), (CalendarSystem)r.ReadByte())),
        PhraseTable<int>.Read(r, ReadInt),
        PhraseTable<OrdinalWord>.Read(r, r => new OrdinalWord(r.ReadInt32(), (OrdinalRoles)r.ReadByte())),
        PhraseTable<NumberWord>.Read(r, r => new NumberWord(r.ReadInt32(), (NumberRole)r.ReadByte())),
        PhraseTable<UnitWord>.Read(r, r => new UnitWord((TimeUnit)r.ReadByte(), r.ReadInt32())),
        PhraseTable<RelativeWord>.Read(r, r => new RelativeWord((RelativeKind)r.ReadByte(), r.ReadInt32(), (TimeUnit)r.ReadByte(), (PeriodPart)r.ReadByte())),
        PhraseTable<HolidayName>.Read(r, r => new HolidayName(ReadText(r), (CalendarSystem)r.ReadByte(), r.ReadInt32(), r.ReadInt32(), r.ReadInt32())),
        PhraseTable<int>.Read(r, ReadInt),
        PhraseTable<CalendarSystem>.Read(r, r => (CalendarSystem)r.ReadByte()),
        PhraseTable<DayPart>.Read(r, r => new DayPart(ReadText(r), r.ReadInt32())),
        PhraseTable<int>.Read(r, ReadInt),
        PhraseTable<SpeechVerb>.Read(r, r => new SpeechVerb(ReadText(r), r.ReadBoolean(), r.ReadBoolean())),
        PhraseTable<CuePhrase>.Read(r, r => new CuePhrase((CueKind)r.ReadByte(), r.ReadBoolean())),
        PhraseTable<string>.Read(r, ReadText),
        PhraseTable<bool>.Read(r, ReadBool),
        PhraseTable<bool>.Read(r, ReadBool),
        PhraseTable<int>.Read(r, ReadInt),
        PhraseTable<bool>.Read(r, ReadBool),
        PhraseTable<int>.Read(r, ReadInt),
        PhraseTable<bool>.Read(r, ReadBool),
        PhraseTable<bool>.Read(r, ReadBool),
        NameClassifiers.Read(r));

    private static void WriteMap(BinaryWriter w, FrozenDictionary<int, int> map)
    {
        w.Write(map.Count);
        foreach (var (key, value) in map)
        {
            w.Write(key);
            w.Write(value);
        }
    }

    private static FrozenDictionary<int, int> ReadMap(BinaryReader r)
    {
        var count = SnapshotIO.ReadLength(r);
        var map = new Dictionary<int, int>(count);
        for (var i = 0; i < count; i++)
        {
            map[r.ReadInt32()] = r.ReadInt32();
        }

        return map.ToFrozenDictionary();
    }

    private static void Bool(BinaryWriter w, bool value) => w.Write(value);

    private static void Int(BinaryWriter w, int value) => w.Write(value);

    // Strings may be null in a value (a title without its kind); the flag says which.
    private static void Text(BinaryWriter w, string? value)
    {
        w.Write(value is not null);
        if (value is not null)
        {
            w.Write(value);
        }
    }

    private static bool ReadBool(BinaryReader r) => r.ReadBoolean();

    private static int ReadInt(BinaryReader r) => r.ReadInt32();

    private static string ReadText(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null!;
}

/// <summary>Arrays of plain values as their bytes, after their length.</summary>
internal static class SnapshotIO
{
    public static void WriteArray<T>(BinaryWriter writer, T[] array)
        where T : unmanaged
    {
        writer.Write(array.Length);
        writer.Write(MemoryMarshal.AsBytes(array.AsSpan()));
    }

    public static T[] ReadArray<T>(BinaryReader reader)
        where T : unmanaged
    {
        var array = GC.AllocateUninitializedArray<T>(ReadLength(reader));
        var bytes = MemoryMarshal.AsBytes(array.AsSpan());
        if (reader.Read(bytes) != bytes.Length)
        {
            throw new EndOfStreamException();
        }

        return array;
    }

    public static int ReadLength(BinaryReader reader)
    {
        var length = reader.ReadInt32();
        return length is >= 0 and <= (1 << 28) ? length : throw new InvalidDataException($"length {length}");
    }
}
