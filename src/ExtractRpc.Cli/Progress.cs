using System.Diagnostics;

namespace ExtractRpc.Cli;

/// <summary>A one-line progress bar with rate and ETA on stderr, redrawn at most ten times a second.</summary>
internal sealed class Progress(TextWriter stderr, int total, bool enabled)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastDraw = -1000;
    private int _done;

    public void Step()
    {
        _done++;
        if (!enabled || (_clock.ElapsedMilliseconds - _lastDraw < 100 && _done < total))
        {
            return;
        }

        _lastDraw = _clock.ElapsedMilliseconds;
        var seconds = Math.Max(0.001, _clock.Elapsed.TotalSeconds);
        var rate = _done / seconds;
        var width = 30;
        var filled = total > 0 ? (int)(width * (double)_done / total) : 0;
        var eta = total > 0 && rate > 0 ? TimeSpan.FromSeconds((total - _done) / rate) : TimeSpan.Zero;
        stderr.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {_done}/{total} docs  {rate:F1} docs/s  ETA {eta:hh\\:mm\\:ss} ");
        if (_done >= total)
        {
            stderr.WriteLine();
        }
    }
}
