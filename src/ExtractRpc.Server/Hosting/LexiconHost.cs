using ExtractRpc.Engine;
using ExtractRpc.Engine.Lexicon;
using Microsoft.Extensions.Options;

namespace ExtractRpc.Server.Hosting;

/// <summary>
/// Owns the current pipeline. Compiles the built-in lexicon plus the configured user files at
/// start-up and again whenever a user file changes; the new pipeline replaces the old one in a
/// single reference swap, so calls in flight finish on the lexicon they started with. A file that
/// fails to compile is logged and the old lexicon keeps serving. Thread-safe.
/// </summary>
public sealed partial class LexiconHost : IDisposable
{
    private static readonly TimeSpan s_debounce = TimeSpan.FromMilliseconds(300);

    private readonly ILogger<LexiconHost> _logger;
    private readonly TimeProvider _clock;
    private readonly string[] _userFiles;
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Lock _reloadLock = new();
    private ExtractionPipeline _current;
    private ITimer? _pending;

    // A compilation started before the host was built (see StartEarly), and the files it read.
    private static Task<CompiledLexicon>? s_early;
    private static string[] s_earlyFiles = [];
    private static string s_earlySnapshot = "";
    private static double s_earlyMilliseconds;
    private static string? s_earlyReadFrom;

    private readonly string _snapshotPath;

    /// <summary>
    /// Starts compiling the lexicon on another core while the host is still being built, so that
    /// start-up pays for the longer of the two rather than their sum. The host's LexiconHost takes the
    /// result when it is created with the same user files, and compiles afresh otherwise.
    /// </summary>
    public static void StartEarly(IConfiguration configuration)
    {
        var options = Options(configuration);
        var files = UserPaths(options);
        s_earlyFiles = files;
        s_earlySnapshot = options.LexiconSnapshot;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        s_early = Task.Run(() =>
        {
            var lexicon = LoadOrCompile(Read(files), options.LexiconSnapshot, out s_earlyReadFrom);
            s_earlyMilliseconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            return lexicon;
        });
    }

    /// <summary>The command-line switch that writes the lexicon snapshot and exits.</summary>
    public const string WriteSnapshotArgument = "--write-lexicon-snapshot";

    /// <summary>Compiles the lexicon for the configured user files and writes its snapshot to the configured
    /// path; false (with the reason on <paramref name="output"/>) when there is no path or it cannot be written.</summary>
    public static bool WriteSnapshot(IConfiguration configuration, TextWriter output)
    {
        var options = Options(configuration);
        if (string.IsNullOrWhiteSpace(options.LexiconSnapshot))
        {
            output.WriteLine("Extractor:LexiconSnapshot is empty: there is nowhere to write the snapshot.");
            return false;
        }

        var files = Read(UserPaths(options));
        var key = LexiconSnapshot.Key(files);
        var lexicon = LexiconCompiler.Compile(files);
        if (!LexiconSnapshot.TrySave(lexicon, options.LexiconSnapshot, key))
        {
            output.WriteLine($"Could not write {options.LexiconSnapshot}.");
            return false;
        }

        output.WriteLine($"Lexicon {lexicon.Version} ({lexicon.Entries.Length} entries) written to {options.LexiconSnapshot}.");
        return true;
    }

    /// <summary>Compiles the lexicon; throws <see cref="LexiconException"/> when the data cannot be compiled.</summary>
    public LexiconHost(IOptions<ExtractorOptions> options, ILogger<LexiconHost> logger, TimeProvider clock)
    {
        _logger = logger;
        _clock = clock;
        _userFiles = UserPaths(options.Value);
        _snapshotPath = options.Value.LexiconSnapshot;
        var started = clock.GetTimestamp();
        var early = Interlocked.Exchange(ref s_early, null);
        var useEarly = early is not null && s_earlyFiles.SequenceEqual(_userFiles, StringComparer.Ordinal) && s_earlySnapshot == _snapshotPath;
        string? readFrom = null;
        var lexicon = useEarly ? early!.GetAwaiter().GetResult() : LoadOrCompile(ReadUserFiles(), _snapshotPath, out readFrom);
        readFrom = useEarly ? s_earlyReadFrom : readFrom;
        _current = new ExtractionPipeline(lexicon, clock);
        FromSnapshot = readFrom is not null;
        var milliseconds = useEarly ? s_earlyMilliseconds : clock.GetElapsedTime(started).TotalMilliseconds;
        if (readFrom is not null)
        {
            LogRead(_current.Lexicon.Version, _current.Lexicon.Entries.Length, readFrom, milliseconds);
        }
        else
        {
            LogLoaded(_current.Lexicon.Version, _current.Lexicon.Entries.Length, milliseconds);
        }

        Watch();
    }

    /// <summary>True when the start-up lexicon was read from its snapshot rather than compiled.</summary>
    public bool FromSnapshot { get; }

    /// <summary>The pipeline to use for the next call.</summary>
    public ExtractionPipeline Current => Volatile.Read(ref _current);

    /// <summary>Raised after a successful reload.</summary>
    public event Action<CompiledLexicon>? Reloaded;

    /// <summary>Recompiles now; returns false (and keeps the old lexicon) when the files are broken.</summary>
    public bool Reload()
    {
        lock (_reloadLock)
        {
            try
            {
                var started = _clock.GetTimestamp();
                var lexicon = LoadOrCompile(ReadUserFiles(), _snapshotPath, out _);
                Volatile.Write(ref _current, new ExtractionPipeline(lexicon, _clock));
                LogReloaded(lexicon.Version, _clock.GetElapsedTime(started).TotalMilliseconds);
                Reloaded?.Invoke(lexicon);
                return true;
            }
            catch (Exception ex) when (ex is LexiconException or IOException or UnauthorizedAccessException)
            {
                LogReloadFailed(ex, Current.Lexicon.Version);
                return false;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        _pending?.Dispose();
    }

    private List<DataFile> ReadUserFiles() => Read(_userFiles);

    private static ExtractorOptions Options(IConfiguration configuration) =>
        configuration.GetSection(ExtractorOptions.Section).Get<ExtractorOptions>() ?? new ExtractorOptions();

    // Written by the build (the WriteLexiconSnapshot target in the project file); read, never written, here.
    private static string BundledSnapshot => Path.Combine(AppContext.BaseDirectory, "lexicon.snapshot");

    // The snapshot when it was written for these files and this engine build, else a compile whose
    // snapshot is written in the background for the next start (the caller does not wait for it).
    private static CompiledLexicon LoadOrCompile(List<DataFile> files, string snapshotPath, out string? readFrom)
    {
        readFrom = null;
        if (string.IsNullOrWhiteSpace(snapshotPath))
        {
            return LexiconCompiler.Compile(files);
        }

        // The snapshot written beside the server when it was built, then the one kept between starts.
        var key = LexiconSnapshot.Key(files);
        foreach (var path in (string[])[BundledSnapshot, snapshotPath])
        {
            if (LexiconSnapshot.TryLoad(path, key, out var snapshot))
            {
                readFrom = path;
                return snapshot;
            }
        }

        var lexicon = LexiconCompiler.Compile(files);
        _ = Task.Run(() => LexiconSnapshot.TrySave(lexicon, snapshotPath, key));
        return lexicon;
    }

    private static List<DataFile> Read(string[] paths) =>
        [.. paths.Select(path => new DataFile(path, File.ReadAllText(path)))];

    private static string[] UserPaths(ExtractorOptions options) =>
        [.. options.UserLexicons.Where(p => !string.IsNullOrWhiteSpace(p)).Select(Path.GetFullPath)];

    private void Watch()
    {
        foreach (var group in _userFiles.GroupBy(Path.GetDirectoryName))
        {
            if (group.Key is null || !Directory.Exists(group.Key))
            {
                continue;
            }

            var names = group.Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
            var watcher = new FileSystemWatcher(group.Key) { NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.FileName | NotifyFilters.CreationTime };
            void OnChange(object sender, FileSystemEventArgs e)
            {
                if (names.Contains(e.Name!))
                {
                    Schedule();
                }
            }

            watcher.Changed += OnChange;
            watcher.Created += OnChange;
            watcher.Renamed += (s, e) => OnChange(s, e);
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    // Editors write a file in several steps: every change restarts the wait, and the reload runs only
    // once the files have stopped changing (same sizes and times as when the wait began).
    private void Schedule()
    {
        lock (_reloadLock)
        {
            _pending?.Dispose();
            var snapshot = Snapshot();
            _pending = _clock.CreateTimer(_ =>
            {
                if (Snapshot() == snapshot)
                {
                    Reload();
                }
                else
                {
                    Schedule();
                }
            }, null, s_debounce, Timeout.InfiniteTimeSpan);
        }
    }

    private string Snapshot() =>
        string.Join('|', _userFiles.Select(f => new FileInfo(f) is { Exists: true } i ? $"{i.Length}:{i.LastWriteTimeUtc.Ticks}" : "-"));

    [LoggerMessage(Level = LogLevel.Information, Message = "Lexicon {Version} loaded: {Entries} entries in {Milliseconds:F0} ms")]
    private partial void LogLoaded(string version, int entries, double milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lexicon {Version} read from its snapshot {Path}: {Entries} entries in {Milliseconds:F0} ms")]
    private partial void LogRead(string version, int entries, string path, double milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lexicon reloaded as {Version} in {Milliseconds:F0} ms")]
    private partial void LogReloaded(string version, double milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Lexicon reload failed; still serving {Version}")]
    private partial void LogReloadFailed(Exception exception, string version);
}
