using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using ExtractRpc.Engine.Pipeline;
using ExtractRpc.Engine.Text;

namespace ExtractRpc.Engine.Lexicon;

/// <summary>
/// Compiles the built-in data files, and any user entity files, into a <see cref="CompiledLexicon"/>.
/// Thread-safe (it keeps no state). Throws <see cref="LexiconException"/> naming file and line when
/// a user file is malformed, so a reload can keep the lexicon it had.
/// </summary>
public static class LexiconCompiler
{
    private const string ResourcePrefix = "ExtractRpc.Data/";

    /// <summary>The built-in data files embedded in the engine assembly.</summary>
    public static IReadOnlyList<DataFile> BuiltInFiles() => s_builtIn.Value;

    /// <summary>The version a lexicon compiled from the built-in data and <paramref name="userEntityFiles"/>
    /// would carry (a hash of every file), without compiling it.</summary>
    public static string VersionOf(IReadOnlyList<DataFile>? userEntityFiles = null) => Compilation.Version(BuiltInFiles(), userEntityFiles ?? []);

    private static readonly Lazy<IReadOnlyList<DataFile>> s_builtIn = new(LoadBuiltIn);

    /// <summary>Compiles the built-in data plus <paramref name="userEntityFiles"/> (entity TSV files, which
    /// take precedence over built-in entries with the same surface).</summary>
    public static CompiledLexicon Compile(IEnumerable<DataFile>? userEntityFiles = null)
    {
        var user = userEntityFiles?.ToList() ?? [];
        var errors = new List<string>();
        var builtIn = BuiltInFiles();
        var compiler = new Compilation(errors);
        var lexicon = compiler.Run(builtIn, user);
        if (errors.Count > 0)
        {
            throw new LexiconException(string.Join(Environment.NewLine, errors.Take(20)));
        }

        return lexicon;
    }

    private static List<DataFile> LoadBuiltIn()
    {
        var assembly = typeof(LexiconCompiler).Assembly;
        var files = new List<DataFile>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            files.Add(new DataFile(name[ResourcePrefix.Length..], reader.ReadToEnd()));
        }

        return files;
    }

    /// <summary>The folded tokens of a name or word from a data file.</summary>
    internal static string[] SurfaceTokens(string surface)
    {
        // Most entries are plain words of Arabic letters with one space between them (بايدن، جو بايدن):
        // each word folded is a token. (LexiconCompilerTests checks this shortcut against the tokenizer
        // for every built-in line.)
        var words = surface.Split(' ');
        if (!Array.TrueForAll(words, IsPlainArabicWord))
        {
            return Tokenize(surface);
        }

        for (var i = 0; i < words.Length; i++)
        {
            words[i] = ArabicNormalizer.Normalize(words[i]);
        }

        return words;
    }

    /// <summary>Letters from hamza to yeh only: no marks, digits, spaces or punctuation.</summary>
    internal static bool IsPlainArabicWord(string surface) =>
        surface.Length > 0 && !surface.AsSpan().ContainsAnyExceptInRange('\u0621', '\u064A') && !surface.Contains('\u0640');

    /// <summary>Plain Arabic words (see <see cref="IsPlainArabicWord"/>) with one space between them.</summary>
    internal static bool IsPlainArabicPhrase(string surface) => Array.TrueForAll(surface.Split(' '), IsPlainArabicWord);

    /// <summary>The folded tokens of <paramref name="surface"/>, as the text analyzer makes them.</summary>
    internal static string[] Tokenize(string surface)
    {
        using var analyzed = AnalyzedText.Create(surface);
        var tokens = new List<string>(analyzed.Count);
        for (var i = 0; i < analyzed.Count; i++)
        {
            if (analyzed[i].Kind != TokenKind.LineBreak)
            {
                tokens.Add(analyzed.TokenText(i).ToString());
            }
        }

        return [.. tokens];
    }

    /// <summary>One compilation: collects phrases, then builds the vocabulary and the tables.</summary>
    private sealed class Compilation(List<string> errors)
    {
        private const string Article = "\u0627\u0644";

        // The pronouns a particle takes attached (إنه، إنها، إنهما، إنهم، إنهن، إنك، إنكما، إنكم، إنكن، إني، إنني، إننا).
        private static readonly string[] AttachedPronouns =
        [
            "\u0647", "\u0647\u0627", "\u0647\u0645\u0627", "\u0647\u0645", "\u0647\u0646",
            "\u0643", "\u0643\u0645\u0627", "\u0643\u0645", "\u0643\u0646",
            "\u064A", "\u0646\u064A", "\u0646\u0627",
        ];
        private const string Allah = "\u0627\u0644\u0644\u0647"; // الله, folded
        private const string Abd = "\u0639\u0628\u062F"; // عبد
        private const string ClubWord = "\u0646\u0627\u062F\u064A"; // نادي
        private const string DefiniteClubWord = "\u0627\u0644\u0646\u0627\u062F\u064A"; // النادي
        private const int LongNameLength = 6;
        private readonly VocabularyBuilder _vocabulary = new();
        private readonly HashSet<string> _functionWords = new(StringComparer.Ordinal);
        private readonly HashSet<string> _firstNames = new(StringComparer.Ordinal);
        private readonly HashSet<string> _givenNamePlaces = new(StringComparer.Ordinal);

        // Words of place names in Arabic-speaking countries, and of every other name: an Arabic name keeps
        // its letters (لحج is not لحق), so only the second kind get g-letter and hamza spellings.
        private readonly HashSet<string> _arabicPlaceTokens = new(StringComparer.Ordinal);
        private readonly HashSet<string> _otherNameTokens = new(StringComparer.Ordinal);

        // ISO 3166 codes of the countries whose place names are Arabic (Somalia, Djibouti and the Comoros name
        // places in their own languages).
        private static readonly FrozenSet<string> ArabicSpeakingCountries = FrozenSet.ToFrozenSet(
            ["dz", "bh", "eg", "iq", "jo", "kw", "lb", "ly", "mr", "ma", "om", "ps", "qa", "sa", "sd", "sy", "tn", "ae", "ye"], StringComparer.Ordinal);

        // loc:ye-lahij-governorate → ye; a country's own id (loc:ye) is not a place inside it.
        private static bool IsInArabicSpeakingCountry(string id) =>
            id.StartsWith("loc:", StringComparison.Ordinal) && id.Length > 7 && id[6] == '-' && ArabicSpeakingCountries.Contains(id[4..6]);
        private readonly HashSet<string> _commonWords = new(StringComparer.Ordinal);
        private readonly HashSet<string> _exactFunctionWords = new(StringComparer.Ordinal);
        private readonly List<(int Id, int Bit)> _startBits = [];
        private readonly List<LexiconEntry> _entries = [];
        private int _tables;
        private readonly HashSet<string> _variantSources = new(StringComparer.Ordinal);
        private readonly HashSet<string> _nameTokens = new(StringComparer.Ordinal);
        private readonly HashSet<string> _entityTokens = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

        public CompiledLexicon Run(IReadOnlyList<DataFile> builtIn, List<DataFile> user)
        {
            DataFile File(string name) =>
                builtIn.FirstOrDefault(f => f.Name == name) ?? throw new LexiconException($"built-in data file {name} is missing");
            IEnumerable<DataFile> Folder(string prefix) => builtIn.Where(f => f.Name.StartsWith(prefix, StringComparison.Ordinal));

            foreach (var (_, f) in DataReader.Rows(File("lexicon/rules/function_words.txt"), 1, errors))
            {
                _functionWords.Add(ArabicNormalizer.Normalize(f[0]));
                _exactFunctionWords.Add(f[0]);
            }

            var pronounForms = new List<(string[] Tokens, bool Value)>();
            foreach (var (_, f) in DataReader.Rows(File("lexicon/rules/pronoun_hosts.txt"), 1, errors))
            {
                foreach (var suffix in AttachedPronouns)
                {
                    // إني، لكني: the bare ي follows the ن of إن and its sisters only (ليتني، لعلني; لعلي is ل + علي).
                    if (suffix == "\u064A" && f[0][^1] != '\u0646')
                    {
                        continue;
                    }

                    var form = f[0] + suffix;
                    _functionWords.Add(ArabicNormalizer.Normalize(form));
                    _exactFunctionWords.Add(form);
                    pronounForms.Add(([ArabicNormalizer.Normalize(form)], true));
                }
            }

            // The one-word function words are also the surfaces a one-word name may never have.

            // Word lists.
            // A foreign first name is written with any g-letter (سيرغي، سيرجي، سيرقي): those spellings join
            // the list. An Arabic name keeps its letters (غادة is not قادة).
            var firstNames = ReadList(File("lexicon/rules/first_names.tsv"), 1, f => f.Length > 2 && f[2] == "foreign", "first_names");
            firstNames.AddRange(ReadList(File("lexicon/rules/first_names_more.tsv"), 1, f => f.Length > 2 && f[2] == "foreign", "first_names_more"));
            var titles = WithDual(ReadList(File("lexicon/rules/titles.tsv"), 2, f => f[1], "titles"));
            var orgHeads = WithArticle(ReadList(File("lexicon/rules/org_heads.tsv"), 2, f => f[1], "org_heads"));
            var placeTriggers = WithArticle(ReadList(File("lexicon/rules/place_triggers.tsv"), 2, f => f[1], "place_triggers"));
            var functionWords = ReadList(File("lexicon/rules/function_words.txt"), 1, f => true, "function_words");
            foreach (var form in pronounForms)
            {
                _vocabulary.Add(form.Tokens[0]);
                functionWords.Add(form);
            }

            _counts["pronoun_forms"] = pronounForms.Count;
            var ambiguous = ReadList(File("lexicon/rules/ambiguous_names.txt"), 1, f => true, "ambiguous_names");
            var namesAlsoWords = ReadList(File("lexicon/rules/given_names_also_words.txt"), 2, f => true, "given_names_also_words");
            var placesAlsoWords = ReadList(File("lexicon/rules/places_also_words.txt"), 3, f => f[1] == "name", "places_also_words");
            var commonWords = ReadList(File("lexicon/rules/common_words.txt"), 1, f => true, "common_words");
            commonWords.AddRange(ReadList(File("lexicon/rules/common_words_more.txt"), 1, f => true, "common_words_more"));
            foreach (var (tokens, _) in commonWords.Where(w => w.Tokens.Length == 1))
            {
                _commonWords.Add(tokens[0]);
            }

            // Their spellings come after the common words, which no generated spelling may be.
            foreach (var (tokens, _) in firstNames.Where(n => n.Value && n.Tokens.Length == 1).ToList())
            {
                foreach (var variant in SpellingVariants.Of(tokens[0]).Concat(SpellingVariants.LastVowel(tokens[0]))
                    .Where(v => !_functionWords.Contains(v) && !_commonWords.Contains(v)))
                {
                    _vocabulary.Add(variant);
                    firstNames.Add(([variant], true));
                }
            }

            foreach (var (tokens, _) in firstNames)
            {
                if (tokens.Length == 1)
                {
                    _firstNames.Add(tokens[0]);
                    _nameTokens.Add(tokens[0]);
                }
            }

            var particles = ReadList(File("lexicon/rules/name_particles.txt"), 1, f => true, "name_particles");
            var sportsWords = ReadList(File("lexicon/rules/sports_words.txt"), 1, f => true, "sports_words");
            var mediaCredits = ReadList(File("lexicon/rules/media_credits.txt"), 2, f => f[1] == "staff", "media_credits");
            var afterSpeaker = ReadList(File("lexicon/rules/after_speaker.txt"), 1, f => true, "after_speaker");
            var classifiers = ReadList(File("lexicon/rules/name_classifiers.tsv"), 2, f => f[1] switch
            {
                "place" => NameClassifier.Place,
                "organization" => NameClassifier.Organization,
                "direction" => NameClassifier.Direction,
                "nominal" => NameClassifier.Nominal,
                _ => throw new FormatException($"unknown classifier kind '{f[1]}'"),
            }, "name_classifiers");
            var months = WithoutInnerArticle(ReadList(File("dates/months.tsv"), 3, f => new MonthName(Int(f[1]), f[2] == "hijri" ? CalendarSystem.Hijri : CalendarSystem.Gregorian), "months"));
            var eras = ReadList(File("dates/eras.tsv"), 2, f => f[1] == "hijri" ? CalendarSystem.Hijri : CalendarSystem.Gregorian, "eras");
            var weekdays = ReadList(File("dates/weekdays.tsv"), 2, f => Int(f[1]), "weekdays");
            var ordinals = Merge(ReadList(File("dates/ordinals.tsv"), 3, f => new OrdinalWord(Int(f[1]), Role(f[2])), "ordinals"),
                (a, b) => new OrdinalWord(a.Value, a.Roles | b.Roles));
            var decades = WithoutArticle(ReadList(File("dates/decades.tsv"), 2, f => Int(f[1]), "decades"));
            var numbers = ReadList(File("dates/numbers.tsv"), 3, f => new NumberWord(Int(f[1]), f[2] switch
            {
                "tens" => NumberRole.Tens,
                "big" => NumberRole.Big,
                "few" => NumberRole.Few,
                _ => NumberRole.Cardinal,
            }), "numbers");
            numbers = WithArticle(numbers); // الأيام الثلاثة الماضية
            var units = WithArticle(ReadList(File("dates/units.tsv"), 3, f => new UnitWord(Unit(f[1]), Int(f[2])), "units"));
            var relative = ReadList(File("dates/relative.tsv"), 3, Relative, "relative");
            var holidays = ReadList(File("dates/holidays.tsv"), 6, f => new HolidayName(f[1], f[2] == "hijri" ? CalendarSystem.Hijri : CalendarSystem.Gregorian, Int(f[3]), Int(f[4]), Int(f[5])), "holidays");
            var dayParts = ReadList(File("dates/dayparts.tsv"), 3, f => new DayPart(f[1], Int(f[2])), "dayparts");
            var clockWords = ReadList(File("dates/clock_words.tsv"), 2, f => Int(f[1]), "clock_words");
            var speechVerbs = ReadList(File("quotes/speech_verbs.tsv"), 3, f => new SpeechVerb(f[1], f[2] == "direct", f[2] == "relay"), "speech_verbs");
            // A verb form is never a one-word name (أفاد is "reported", not the agency AFAD).
            foreach (var (tokens, _) in speechVerbs.Where(v => v.Tokens.Length == 1))
            {
                _commonWords.Add(tokens[0]);
            }

            var cues = CuePhrases(File("quotes/cue_phrases.tsv"));
            var speakerNouns = ReadList(File("quotes/speaker_nouns.tsv"), 2, f => f[1], "speaker_nouns");

            // Entities: user files first so that their surfaces win, then the built-in gazetteer.
            var entries = _entries;
            var byId = new Dictionary<string, int>(StringComparer.Ordinal);
            var surfaces = new List<(string[] Tokens, int Entry, int Priority)>();
            foreach (var file in user.Concat(Folder("lexicon/entities/")))
            {
                ReadEntities(file, entries, byId, surfaces);
            }

            ReadNationalities(File("lexicon/rules/nationalities.tsv"), entries, byId, surfaces);

            // Long first names that share a skeleton are spellings of one name (ديميتري، دميتري، ديمتري).
            // Short ones may be two names (سلمان، سليمان), so they stay apart.
            var bySkeleton = new Dictionary<string, string>(StringComparer.Ordinal);
            Span<char> skeleton = stackalloc char[64];
            foreach (var name in _firstNames.Where(n => n.Length >= LongNameLength).Order(StringComparer.Ordinal))
            {
                var n = SpellingVariants.Skeleton(name, skeleton);
                if (n > 0)
                {
                    var key = skeleton[..n].ToString();
                    if (bySkeleton.TryGetValue(key, out var other))
                    {
                        _vocabulary.Unite(name, other);
                    }
                    else
                    {
                        bySkeleton[key] = name;
                    }
                }
            }

            // Originals are all in the vocabulary; now the generated spellings and the skeletons.
            foreach (var source in _variantSources)
            {
                var id = _vocabulary.Find(source);
                // Skeletons serve the gazetteer only: first names match exactly (their spellings are
                // generated above), so they claim none of a skeleton's two slots.
                if (_entityTokens.Contains(source))
                {
                    _vocabulary.AddSkeleton(source, id);
                }

                foreach (var variant in _arabicPlaceTokens.Contains(source) && !_otherNameTokens.Contains(source) ? [] : SpellingVariants.Of(source))
                {
                    if (!_functionWords.Contains(variant) && !_commonWords.Contains(variant))
                    {
                        _vocabulary.AddVariant(variant, id, v => _nameTokens.Contains(v) && _nameTokens.Contains(source));
                        if (_entityTokens.Contains(source))
                        {
                            _vocabulary.AddSkeleton(variant, id);
                        }
                    }
                }
            }

            var surnames = Surnames(surfaces, [.. ambiguous.Select(a => a.Tokens), .. ordinals.Select(o => o.Tokens)]);
            var entityTable = new PhraseTable<int>.Builder();
            foreach (var (tokens, entry, _) in surfaces.OrderBy(s => s.Priority))
            {
                entityTable.Add(Ids(tokens), entry);
            }

            var counts = ImmutableDictionary.CreateBuilder<string, long>(StringComparer.Ordinal);
            foreach (var kind in new[] { EntityKind.Person, EntityKind.Organization, EntityKind.Location, EntityKind.Nationality })
            {
                counts[KindCode(kind)] = entries.Count(e => e.Kind == kind);
            }

            foreach (var (name, count) in _counts)
            {
                counts[name] = count;
            }

            var words = new WordLists(
                Table(firstNames), Table(titles), Table(orgHeads), Table(placeTriggers), Table(functionWords), Table(ambiguous), Table(commonWords), Table(particles),
                Table(months), Table(weekdays), Table(ordinals), Table(numbers), Table(units), Table(relative), Table(holidays), Table(decades), Table(eras),
                Table(dayParts), Table(clockWords), Table(speechVerbs), Table(cues), Table(speakerNouns), Table(afterSpeaker),
                Table(sportsWords), Table([.. _clubs.Values.Select(c => (c.Tokens, c.Entry))]),
                Table(mediaCredits), Table([.. _media.Values.Select(c => (c.Tokens, c.Entry))]),
                Table(namesAlsoWords), Table([.. placesAlsoWords, .. _givenNamePlaces.Order(StringComparer.Ordinal).Select(t => (new[] { t }, true))]),
                new NameClassifiers(classifiers.Select(c => (Ids(c.Tokens), c.Value))));
            var entityTableFrozen = Freeze(entityTable, SpellingLevel.Skeleton);
            var vocabulary = _vocabulary.Build();
            var startMasks = new int[vocabulary.Distinct + 1];
            foreach (var (id, bit) in _startBits)
            {
                startMasks[id] |= bit;
            }

            counts["surface_forms"] = vocabulary.Count;
            counts["generated_spellings"] = vocabulary.Variants;
            counts["name_skeletons"] = vocabulary.Skeletons;
            counts["unique_surnames"] = surnames.Count(s => s.Value >= 0);
            counts["shared_surnames"] = surnames.Count(s => s.Value < 0);
            var nisbaNamedCountries = NisbaNamedCountries(surfaces);
            counts["nisba_named_countries"] = nisbaNamedCountries.Count;
            return new CompiledLexicon(Version(builtIn, user), vocabulary, [.. entries], entityTableFrozen, words, counts.ToImmutable(), [.. _exactFunctionWords], startMasks, surnames,
                nisbaNamedCountries);
        }

        /// <summary>
        /// The last words of people's names, by vocabulary id: to the entry when only one person's names
        /// end with it (شافيز), to -1 when several people's do (جنبلاط: Walid, Kamal and Taymour). Left
        /// out: words that are a one-word name of anything, a given name, a common, function or ambiguous
        /// word, an ordinal, short words, and words with the article other than a nisba or a name in و
        /// (النحاس، الخير are words too; الحريري، ألونسو are families).
        /// </summary>
        private FrozenDictionary<int, int> Surnames(List<(string[] Tokens, int Entry, int Priority)> surfaces, List<string[]> ambiguousAndOrdinals)
        {
            var oneWord = new HashSet<string>(surfaces.Where(s => s.Tokens.Length == 1).Select(s => s.Tokens[0]), StringComparer.Ordinal);
            oneWord.UnionWith(ambiguousAndOrdinals.Where(t => t.Length == 1).Select(t => t[0])); // أمل، الثاني
            // By vocabulary id, so that two spellings the vocabulary unites must both be the one person's.
            var byId = new Dictionary<int, int>();
            foreach (var (tokens, entry, _) in surfaces)
            {
                var last = tokens[^1];
                // A family name with the article is a nisba (الحريري، المالكي): other definite words that
                // end names are nouns too (الدين، الحق، الوزير). Folded, ألونسو begins like an article too.
                if (tokens.Length < 2 || _entries[entry].Kind != EntityKind.Person || last.Length < 4 || oneWord.Contains(last)
                    || (last.StartsWith(Article, StringComparison.Ordinal) && (last.Length < 6 || last[^1] is not ('\u064A' or '\u0648')))
                    || _firstNames.Contains(last) || _commonWords.Contains(last) || _functionWords.Contains(last) || IsCliticPlusFunctionWord(last))
                {
                    continue; // … وسوف: جورج وسوف's surname is also "and will"
                }

                var id = _vocabulary.Find(last);
                byId[id] = !byId.TryGetValue(id, out var other) ? entry
                    : other >= 0 && _entries[other].Id == _entries[entry].Id ? other : -1;
            }

            return byId.ToFrozenDictionary();
        }

        /// <summary>
        /// Countries one of whose names is the feminine of their own nisba (السعودية, Saudi Arabia and
        /// "Saudi"): by vocabulary id, the nationality entry the word is after a feminine noun.
        /// </summary>
        private FrozenDictionary<int, int> NisbaNamedCountries(List<(string[] Tokens, int Entry, int Priority)> surfaces)
        {
            var nationalities = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (tokens, entry, _) in surfaces)
            {
                if (tokens.Length == 1 && _entries[entry].Kind == EntityKind.Nationality)
                {
                    nationalities.TryAdd(tokens[0], entry);
                }
            }

            var byId = new Dictionary<int, int>();
            foreach (var (tokens, entry, _) in surfaces)
            {
                if (tokens.Length == 1 && _entries[entry] is { Kind: EntityKind.Location, IsCountry: true } country
                    && nationalities.TryGetValue(tokens[0], out var nationality) && _entries[nationality].Id == country.Id)
                {
                    byId[_vocabulary.Find(tokens[0])] = nationality;
                }
            }

            return byId.ToFrozenDictionary();
        }

        private static string KindCode(EntityKind kind) => kind switch
        {
            EntityKind.Person => "PER",
            EntityKind.Organization => "ORG",
            EntityKind.Location => "LOC",
            _ => "NAT",
        };

        private readonly Dictionary<(EntityKind, string, string), int> _byName = new(SameNameComparer.Instance);

        // Kind and Arabic name exactly, English name in any case.
        private sealed class SameNameComparer : IEqualityComparer<(EntityKind Kind, string Arabic, string English)>
        {
            public static readonly SameNameComparer Instance = new();

            public bool Equals((EntityKind Kind, string Arabic, string English) x, (EntityKind Kind, string Arabic, string English) y) =>
                x.Kind == y.Kind && string.Equals(x.Arabic, y.Arabic, StringComparison.Ordinal) && string.Equals(x.English, y.English, StringComparison.OrdinalIgnoreCase);

            public int GetHashCode((EntityKind Kind, string Arabic, string English) name) =>
                HashCode.Combine(name.Kind, string.GetHashCode(name.Arabic, StringComparison.Ordinal), string.GetHashCode(name.English, StringComparison.OrdinalIgnoreCase));
        }

        // Bare club names (الزمالك، الأهلي، برشلونة) and bare outlet names (الجزيرة، الراية، الحياة) by
        // their folded tokens: the club or outlet, or -1 when several bear the name.
        private readonly Dictionary<string, (string[] Tokens, int Entry, bool Exact)> _clubs = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (string[] Tokens, int Entry, bool Exact)> _media = new(StringComparer.Ordinal);

        // The heads of outlets' names: قناة الجزيرة، صحيفة الراية القطرية، مجلة العربي، وكالة قنا.
        private static readonly string[] MediaHeads =
            ["\u0642\u0646\u0627\u0629", "\u0641\u0636\u0627\u0626\u064A\u0629", "\u0635\u062D\u064A\u0641\u0629", "\u062C\u0631\u064A\u062F\u0629", "\u0645\u062C\u0644\u0629", "\u062A\u0644\u0641\u0632\u064A\u0648\u0646", "\u0625\u0630\u0627\u0639\u0629", "\u0634\u0628\u0643\u0629", "\u0648\u0643\u0627\u0644\u0629"];

        // The words after a town in English clubs' names (folded): يونايتد، سيتي، تاون، روفرز، واندررز،
        // ألبيون، أثليتيك، هوتسبير.
        private static readonly string[] ClubSuffixes = [.. new[] { "\u064A\u0648\u0646\u0627\u064A\u062A\u062F", "\u0633\u064A\u062A\u064A", "\u062A\u0627\u0648\u0646", "\u0631\u0648\u0641\u0631\u0632", "\u0648\u0627\u0646\u062F\u0631\u0631\u0632", "\u0623\u0644\u0628\u064A\u0648\u0646", "\u0623\u062B\u0644\u064A\u062A\u064A\u0643", "\u0647\u0648\u062A\u0633\u0628\u064A\u0631" }.Select(w => ArabicNormalizer.Normalize(w))];

        // The words before a town in German clubs' names (folded): فيردر، بوروسيا، آينتراخت، باير.
        private static readonly string[] ClubPrefixes = [.. new[] { "\u0641\u064A\u0631\u062F\u0631", "\u0628\u0648\u0631\u0648\u0633\u064A\u0627", "\u0622\u064A\u0646\u062A\u0631\u0627\u062E\u062A", "\u0628\u0627\u064A\u0631" }.Select(w => ArabicNormalizer.Normalize(w))];

        // وكالة الأنباء القطرية: after وكالة, أنباء is the kind of agency, not its name.
        private static readonly string[] NotBareNames = ["\u0627\u0644\u0627\u0646\u0628\u0627\u0621", "\u0627\u0646\u0628\u0627\u0621"];

        /// <summary>نادي الزمالك، النادي الأهلي المصري: a club's name without نادي, and without the country
        /// adjective that tells it from its namesakes, is what sports reports call it. قناة الجزيرة،
        /// صحيفة الراية القطرية: so is an outlet's without its head, where it is credited (مراسل الجزيرة).</summary>
        private void AddBareNames(string name, int entry, EntityKind kind)
        {
            // Most names are neither: look before tokenizing.
            if (kind != EntityKind.Organization)
            {
                return;
            }

            var club = name.StartsWith(ClubWord, StringComparison.Ordinal) || name.StartsWith(DefiniteClubWord, StringComparison.Ordinal);
            var media = !club && Array.Exists(MediaHeads, h => name.StartsWith(h, StringComparison.Ordinal));
            if (!club && !media)
            {
                return;
            }

            var tokens = Tokens(name);
            if (tokens.Length < 2 || (club ? tokens[0] is not (ClubWord or DefiniteClubWord) : !Array.Exists(MediaHeads, h => ArabicNormalizer.Normalize(h) == tokens[0])))
            {
                return;
            }

            var table = club ? _clubs : _media;
            var bare = tokens[1..];
            if (!club && Array.IndexOf(NotBareNames, bare[0]) >= 0)
            {
                return;
            }

            Add(bare, exact: true);
            if (bare.Length >= 2 && IsDefiniteNisba(bare[^1]))
            {
                Add(bare[..^1], exact: false);
            }

            // مانشستر يونايتد، ليستر سيتي، فيردر بريمن: sports reports name such clubs by their town alone
            // (مانشستر is both United and City, so no one's).
            if (club && bare.Length == 2 && Array.IndexOf(ClubSuffixes, bare[1]) >= 0)
            {
                Add(bare[..1], exact: false);
            }
            else if (club && bare.Length == 2 && Array.IndexOf(ClubPrefixes, bare[0]) >= 0)
            {
                Add(bare[1..], exact: false);
            }

            // A name one entry bears exactly (قناة الجزيرة) is that entry's, though others bear it with an
            // adjective (صحيفة الجزيرة السعودية، قناة الجزيرة الرياضية); otherwise a name two bear is no one's.
            void Add(string[] form, bool exact)
            {
                var key = string.Join(' ', form);
                if (!table.TryGetValue(key, out var existing) || (exact && !existing.Exact))
                {
                    table[key] = (form, entry, exact);
                }
                else if (existing.Entry != entry && exact == existing.Exact)
                {
                    table[key] = (form, -1, exact);
                }
            }
        }

        private static bool IsAcronym(string english) =>
            english.Length is >= 2 and <= 8 && english.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '+');

        // المصري، القطرية (folded: القطريه).
        private static bool IsDefiniteNisba(string token) =>
            token.Length >= 5 && token.StartsWith(Article, StringComparison.Ordinal) && (token[^1] == '\u064A' || token.EndsWith("\u064A\u0647", StringComparison.Ordinal));

        private void ReadEntities(DataFile file, List<LexiconEntry> entries, Dictionary<string, int> byId, List<(string[], int, int)> surfaces)
        {
            foreach (var (line, f) in DataReader.Rows(file, 4, errors))
            {
                EntityKind kind;
                switch (f[1])
                {
                    case "PER": kind = EntityKind.Person; break;
                    case "ORG": kind = EntityKind.Organization; break;
                    case "LOC": kind = EntityKind.Location; break;
                    default:
                        errors.Add($"{file.Name}:{line}: type must be PER, ORG or LOC, found '{f[1]}'");
                        continue;
                }

                // One entity written twice (in two files, under two ids) is one entry: same type, same
                // Arabic and English names. The first id stays, and every alias leads to it.
                var name = (kind, f[2], f[3]);
                if (!byId.TryGetValue(f[0], out var index) && !_byName.TryGetValue(name, out index))
                {
                    index = entries.Count;
                    entries.Add(new LexiconEntry(f[0], kind, f[2], f[3], file.Name));
                    _byName.Add(name, index);
                }

                byId.TryAdd(f[0], index);

                AddSurface(f[2], index, kind, 0, surfaces);
                AddJoinedSpelling(f[2], f[3], index, kind, surfaces);

                // Agencies and media are often credited in Latin script (Reuters, AFP, BBC); a shorter
                // English name is too often something else (RT, BP).
                if (kind == EntityKind.Organization && (f[3].Length >= 4 || (f[3].Length == 3 && IsAcronym(f[3]))) && f[3].All(c => c < 0x80))
                {
                    AddSurface(f[3], index, kind, 1, surfaces);
                }
                if (f.Length > 4)
                {
                    foreach (var alias in DataReader.Alternatives(f[4]))
                    {
                        AddSurface(alias, index, kind, 1, surfaces);
                        AddJoinedSpelling(alias, f[3], index, kind, surfaces);
                        AddBareNames(alias, index, kind);

                        // أوبك and الأوبك, آسيان and الآسيان: an acronym read as a word takes the article
                        // too. Only for bodies known by an acronym (OPEC, ASEAN), so that حماس never
                        // becomes الحماس, "the enthusiasm".
                        if (kind == EntityKind.Organization && IsAcronym(f[3]) && !alias.Contains(' ') && !alias.StartsWith("\u0627\u0644", StringComparison.Ordinal))
                        {
                            AddSurface("\u0627\u0644" + alias, index, kind, 1, surfaces);
                        }
                    }
                }

                AddBareNames(f[2], index, kind);

                // بلاكبيرن روفرز، بوروسيا دورتموند: a club the data names without نادي is still a club.
                if (kind == EntityKind.Organization && IsClubName(f[2]))
                {
                    AddBareNames(ClubWord + " " + f[2], index, kind);
                }
            }
        }

        // Two words, a town and a word only clubs' names have around it (روفرز، ألبيون؛ فيردر، بوروسيا).
        private static bool IsClubName(string name)
        {
            var space = name.IndexOf(' ');
            if (space < 0 || name.IndexOf(' ', space + 1) >= 0)
            {
                return false;
            }

            var (first, last) = (ArabicNormalizer.Normalize(name.AsSpan(0, space)), ArabicNormalizer.Normalize(name.AsSpan(space + 1)));
            return Array.IndexOf(ClubSuffixes, last) >= 0 || Array.IndexOf(ClubPrefixes, first) >= 0;
        }

        private void AddSurface(string surface, int entry, EntityKind kind, int priority, List<(string[], int, int)> surfaces)
        {
            var tokens = Tokens(surface);
            if (tokens.Length == 0)
            {
                return;
            }

            // A one-word name must not be a function or common word (على folds to علي), nor a proclitic
            // before one (وانة, a town, folds to وأنه "and that he"), nor — for people and organizations —
            // a bare first name: those need the rules' evidence. A place other than a country that is a
            // first name (باكو، داريا، صوفيا) is kept, as a place where a place is expected (في باكو,
            // العاصمة الأذربيجانية باكو), like the places that are also words.
            if (tokens.Length == 1 && (_functionWords.Contains(tokens[0]) || _commonWords.Contains(tokens[0]) || IsCliticPlusFunctionWord(tokens[0])
                || (_firstNames.Contains(tokens[0]) && ((kind == EntityKind.Person && priority > 0) || kind == EntityKind.Organization))))
            {
                return;
            }

            // وجيد (a Somali town) is also و + جيد "and good": like a given name, such a place needs a place's slot.
            if (tokens.Length == 1 && kind == EntityKind.Location && !IsCountry(entry) && (_firstNames.Contains(tokens[0]) || IsCliticPlusCommonWord(tokens[0])))
            {
                _givenNamePlaces.Add(tokens[0]);
            }

            var arabPlace = kind == EntityKind.Location && IsInArabicSpeakingCountry(_entries[entry].Id);
            foreach (var t in tokens)
            {
                _vocabulary.Add(t);
                if (kind != EntityKind.Nationality && t.Length >= 3 && !_functionWords.Contains(t))
                {
                    (arabPlace ? _arabicPlaceTokens : _otherNameTokens).Add(t);
                    _variantSources.Add(t);
                    _entityTokens.Add(t);
                    if (kind == EntityKind.Person)
                    {
                        _nameTokens.Add(t);
                    }
                }
            }

            surfaces.Add((tokens, entry, priority));

            // حسن نصر الله is also written حسن نصرالله، جاب الله جابالله: a word and الله run together.
            // The joined form stands wherever its source does (نصرالله alone, as نصر الله alone).
            // So is عبد and the name after it, either way (عبد العزيز بوتفليقة، عبدالعزيز بوتفليقة).
            if (kind == EntityKind.Person)
            {
                var god = Array.IndexOf(tokens, Allah, 1);
                var abd = Array.IndexOf(tokens, Abd);
                if (god > 0)
                {
                    AddVariantSurface([.. tokens[..(god - 1)], tokens[god - 1] + Allah, .. tokens[(god + 1)..]]);
                }
                else if (abd >= 0 && abd + 1 < tokens.Length)
                {
                    AddVariantSurface([.. tokens[..abd], Abd + tokens[abd + 1], .. tokens[(abd + 2)..]]);
                }
                else if (Array.FindIndex(tokens, t => t.Length > Abd.Length + Article.Length && t.StartsWith(Abd + Article, StringComparison.Ordinal)) is var k and >= 0)
                {
                    AddVariantSurface([.. tokens[..k], Abd, tokens[k][Abd.Length..], .. tokens[(k + 1)..]]);
                }
            }

            // القناة 12 is also written القناة الـ12: the article before a number is its own token.
            var number = Array.FindIndex(tokens, t => t.Length > 0 && char.IsAsciiDigit(t[0]));
            if (number > 0 && tokens[number - 1] != Article)
            {
                AddVariantSurface([.. tokens[..number], Article, .. tokens[number..]]);
            }

            void AddVariantSurface(string[] variant)
            {
                foreach (var t in variant)
                {
                    _vocabulary.Add(t);
                }

                surfaces.Add((variant, entry, priority));
            }
        }

        /// <summary>
        /// فولكس فاغن is also written فولكسفاغن، فيس بوك فيسبوك، يو تيوب يوتيوب: a brand that is one word in
        /// English and two transliterated words here is also matched as the two written together.
        /// </summary>
        private void AddJoinedSpelling(string arabic, string english, int entry, EntityKind kind, List<(string[], int, int)> surfaces)
        {
            if (kind != EntityKind.Organization || english.Contains(' ') || english.Length < 4 || !english.All(char.IsAsciiLetter))
            {
                return;
            }

            var words = arabic.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 2 && !words[0].StartsWith("\u0627\u0644", StringComparison.Ordinal) && !words[1].StartsWith("\u0627\u0644", StringComparison.Ordinal))
            {
                AddSurface(words[0] + words[1], entry, kind, 1, surfaces);
            }
        }

        private bool IsCliticPlusFunctionWord(string token) => IsCliticPlus(token, _functionWords);

        private bool IsCliticPlusCommonWord(string token) => IsCliticPlus(token, _commonWords);

        private static bool IsCliticPlus(string token, HashSet<string> words)
        {
            Span<int> skips = stackalloc int[4];
            Span<bool> restore = stackalloc bool[4];
            var n = Clitics.Candidates(token, skips, restore);
            for (var i = 0; i < n; i++)
            {
                var stem = restore[i] ? ArabicNormalizer.Alef + token[skips[i]..] : token[skips[i]..];
                if (words.Contains(stem))
                {
                    return true;
                }
            }

            return false;
        }

        // Countries are ids of the form loc:xx (ISO 3166 alpha-2).
        private bool IsCountry(int entry) => _entries.Count > entry && _entries[entry].IsCountry;

        private void ReadNationalities(DataFile file, List<LexiconEntry> entries, Dictionary<string, int> byId, List<(string[], int, int)> surfaces)
        {
            // Feminine, sound plurals and the article are generated from the masculine singular.
            // -, ة, ون, ين, ات, and ي for the construct plural (قادة الجيشين الأمريكيي والروسي).
            string[] suffixes = ["", "\u0647", "\u0648\u0646", "\u064A\u0646", "\u0627\u062A", "\u064A"];
            foreach (var (line, f) in DataReader.Rows(file, 2, errors))
            {
                if (!byId.TryGetValue(f[0], out var country))
                {
                    errors.Add($"{file.Name}:{line}: unknown country id '{f[0]}'");
                    continue;
                }

                var c = entries[country];
                var index = entries.Count;
                entries.Add(new LexiconEntry(c.Id, EntityKind.Nationality, c.Canonical, c.English, file.Name));
                foreach (var adjective in DataReader.Alternatives(f[1]))
                {
                    // Every word of a two-word adjective agrees: كوري شمالي، كورية شمالية، الكوريون الشماليون.
                    var stems = ArabicNormalizer.Normalize(adjective).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    foreach (var suffix in suffixes)
                    {
                        AddSurface(string.Join(' ', stems.Select(w => w + suffix)), index, EntityKind.Nationality, 2, surfaces);
                        AddSurface(string.Join(' ', stems.Select(w => Article + w + suffix)), index, EntityKind.Nationality, 2, surfaces);
                    }
                }

                if (f.Length > 2)
                {
                    foreach (var plural in DataReader.Alternatives(f[2]))
                    {
                        var p = ArabicNormalizer.Normalize(plural);
                        AddSurface(p, index, EntityKind.Nationality, 2, surfaces);
                        AddSurface(Article + p, index, EntityKind.Nationality, 2, surfaces);
                    }
                }
            }
        }

        private List<(string[] Tokens, T Value)> ReadList<T>(DataFile file, int columns, Func<string[], T> value, string name)
        {
            var list = new List<(string[], T)>();
            foreach (var (line, f) in DataReader.Rows(file, columns, errors))
            {
                T v;
                try
                {
                    v = value(f);
                }
                catch (FormatException ex)
                {
                    errors.Add($"{file.Name}:{line}: {ex.Message}");
                    continue;
                }

                var tokens = Tokens(f[0]);
                if (tokens.Length == 0)
                {
                    continue;
                }

                foreach (var t in tokens)
                {
                    _vocabulary.Add(t);
                }

                list.Add((tokens, v));
            }

            _counts[name] = list.Count;
            return list;
        }

        // A head written without the article (وزارة، سفارة) also heads a definite phrase (الوزارة، السفارة).
        private List<(string[] Tokens, T Value)> WithArticle<T>(List<(string[] Tokens, T Value)> list) =>
            Derived(list, 0, t => t.StartsWith(Article, StringComparison.Ordinal) ? null : Article + t);

        // A definite title of one word introduces two names in the dual: الممثلتان أنيت بينينغ وجوليا …،
        // الرئيسان بوش وبلير (folded, ة is ه: الممثله → الممثلتان).
        private List<(string[] Tokens, T Value)> WithDual<T>(List<(string[] Tokens, T Value)> list) =>
            Derived(list, 0, t => !t.StartsWith(Article, StringComparison.Ordinal) || t.Length < 5 ? null
                : t[^1] == ArabicNormalizer.Heh ? t[..^1] + "\u062A\u0627\u0646" // تان
                : t + "\u0627\u0646", tokenCount: 1); // ان

        // السبعينيات is also written سبعينيات (في سبعينيات القرن الماضي).
        private List<(string[] Tokens, T Value)> WithoutArticle<T>(List<(string[] Tokens, T Value)> list) =>
            Derived(list, 0, t => t.StartsWith(Article, StringComparison.Ordinal) && t.Length > 4 ? t[2..] : null);

        // كانون الأول is also written كانون اول، تشرين الثاني as تشرين ثاني: the second word loses its article.
        private List<(string[] Tokens, T Value)> WithoutInnerArticle<T>(List<(string[] Tokens, T Value)> list) =>
            Derived(list, 1, t => t.StartsWith(Article, StringComparison.Ordinal) && t.Length > 4 ? t[2..] : null, tokenCount: 2);

        /// <summary>The list plus, for every phrase whose word at <paramref name="position"/> has a derived
        /// form (<paramref name="derive"/> returns null when it has none), the phrase with that form.</summary>
        private List<(string[] Tokens, T Value)> Derived<T>(List<(string[] Tokens, T Value)> list, int position, Func<string, string?> derive, int tokenCount = 0)
        {
            var extra = new List<(string[], T)>();
            foreach (var (tokens, value) in list)
            {
                if (tokens.Length <= position || (tokenCount > 0 && tokens.Length != tokenCount) || derive(tokens[position]) is not { } form)
                {
                    continue;
                }

                var derived = tokens.ToArray();
                derived[position] = form;
                _vocabulary.Add(form);
                extra.Add((derived, value));
            }

            return [.. list, .. extra];
        }

        private static List<(string[] Tokens, T Value)> Merge<T>(List<(string[] Tokens, T Value)> list, Func<T, T, T> merge)
        {
            var merged = new Dictionary<string, (string[] Tokens, T Value)>(StringComparer.Ordinal);
            foreach (var (tokens, value) in list)
            {
                var key = string.Join(' ', tokens);
                merged[key] = merged.TryGetValue(key, out var existing) ? (tokens, merge(existing.Value, value)) : (tokens, value);
            }

            return [.. merged.Values];
        }

        private List<(string[] Tokens, CuePhrase Value)> CuePhrases(DataFile file)
        {
            var list = new List<(string[], CuePhrase)>();
            foreach (var (line, f) in DataReader.Rows(file, 2, errors))
            {
                var kind = f[1] switch
                {
                    "according_to" => CueKind.AccordingTo,
                    "manner" => CueKind.Manner,
                    "channel" => CueKind.Channel,
                    "complementizer" => CueKind.Complementizer,
                    "continuation" => CueKind.Continuation,
                    _ => (CueKind?)null,
                };
                if (kind is null)
                {
                    errors.Add($"{file.Name}:{line}: unknown cue kind '{f[1]}'");
                    continue;
                }

                var tokens = Tokens(f[0]);
                // "وفقا ل" stands for the preposition attached to the next word (وفقا للوكالة).
                var trailingLam = tokens.Length > 1 && tokens[^1] == "\u0644";
                if (trailingLam)
                {
                    tokens = tokens[..^1];
                }

                foreach (var t in tokens)
                {
                    _vocabulary.Add(t);
                }

                list.Add((tokens, new CuePhrase(kind.Value, trailingLam)));
            }

            _counts["cue_phrases"] = list.Count;
            return list;
        }

        private PhraseTable<T> Table<T>(List<(string[] Tokens, T Value)> list, SpellingLevel level = SpellingLevel.Exact)
        {
            var builder = new PhraseTable<T>.Builder();
            foreach (var (tokens, value) in list)
            {
                builder.Add(Ids(tokens), value);
            }

            return Freeze(builder, level);
        }

        // Every table gets one bit; every token id records the tables it may start a phrase in.
        private PhraseTable<T> Freeze<T>(PhraseTable<T>.Builder builder, SpellingLevel level)
        {
            if (_tables == 31)
            {
                throw new LexiconException("more phrase tables than start-mask bits");
            }

            var bit = 1 << _tables++;
            foreach (var id in builder.FirstTokenIds)
            {
                _startBits.Add((id, bit));
            }

            return builder.Build(level, bit);
        }

        private int[] Ids(string[] tokens)
        {
            var ids = new int[tokens.Length];
            for (var i = 0; i < tokens.Length; i++)
            {
                ids[i] = _vocabulary.Find(tokens[i]);
            }

            return ids;
        }

        private static string[] Tokens(string surface) => SurfaceTokens(surface);

        private static int Int(string s) => int.Parse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

        private static OrdinalRoles Role(string s) => s switch
        {
            "unit" => OrdinalRoles.Unit,
            "unit_compound" => OrdinalRoles.UnitCompound,
            "teen" => OrdinalRoles.Teen,
            "tens" => OrdinalRoles.Tens,
            "bare" => OrdinalRoles.Bare,
            _ => throw new FormatException($"unknown ordinal role '{s}'"),
        };

        private static TimeUnit Unit(string s) => s switch
        {
            "minute" => TimeUnit.Minute,
            "hour" => TimeUnit.Hour,
            "day" => TimeUnit.Day,
            "week" => TimeUnit.Week,
            "month" => TimeUnit.Month,
            "year" => TimeUnit.Year,
            "decade" => TimeUnit.Decade,
            "century" => TimeUnit.Century,
            _ => throw new FormatException($"unknown time unit '{s}'"),
        };

        private static RelativeWord Relative(string[] f) => f[1] switch
        {
            "day_offset" => new RelativeWord(RelativeKind.DayOffset, Int(f[2]), TimeUnit.Day, PeriodPart.None),
            "direction" => new RelativeWord(RelativeKind.Direction, Int(f[2]), TimeUnit.Day, PeriodPart.None),
            "before_after" => new RelativeWord(RelativeKind.BeforeAfter, Int(f[2]), TimeUnit.Day, PeriodPart.None),
            "period_part" => new RelativeWord(RelativeKind.PeriodPart, 0, TimeUnit.Day, f[2] switch
            {
                "start" => PeriodPart.Start,
                "mid" => PeriodPart.Middle,
                "end" => PeriodPart.End,
                _ => throw new FormatException($"unknown period part '{f[2]}'"),
            }),
            "period_nouns" => new RelativeWord(RelativeKind.PeriodNoun, 0, Unit(f[2]), PeriodPart.None),
            _ => throw new FormatException($"unknown relative kind '{f[1]}'"),
        };

        internal static string Version(IReadOnlyList<DataFile> builtIn, IReadOnlyList<DataFile> user)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            foreach (var file in builtIn.Concat(user))
            {
                hash.AppendData(Encoding.UTF8.GetBytes(file.Name));
                hash.AppendData(Encoding.UTF8.GetBytes(file.Content));
            }

            var digest = Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
            return user.Count == 0 ? $"builtin-{digest}" : $"builtin+user-{digest}";
        }
    }
}
