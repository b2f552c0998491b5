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

    /// <summary>Compiles the lexicon; throws <see cref="LexiconException"/> when the data cannot be compiled.</summary>
    public LexiconHost(IOptions<ExtractorOptions> options, ILogger<LexiconHost> logger, TimeProvider clock)
    {
        _logger = logger;
        _clock = clock;
        _userFiles = [.. options.Value.UserLexicons.Where(p => !string.IsNullOrWhiteSpace(p)).Select(Path.GetFullPath)];
        var started = clock.GetTimestamp();
        _current = new ExtractionPipeline(LexiconCompiler.Compile(ReadUserFiles()), clock);
        LogLoaded(_current.Lexicon.Version, _current.Lexicon.Entries.Length, clock.GetElapsedTime(started).TotalMilliseconds);
        Watch();
    }

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
                var lexicon = LexiconCompiler.Compile(ReadUserFiles());
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

    private List<DataFile> ReadUserFiles() =>
        [.. _userFiles.Select(path => new DataFile(path, File.ReadAllText(path)))];

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Lexicon reloaded as {Version} in {Milliseconds:F0} ms")]
    private partial void LogReloaded(string version, double milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Lexicon reload failed; still serving {Version}")]
    private partial void LogReloadFailed(Exception exception, string version);
}
