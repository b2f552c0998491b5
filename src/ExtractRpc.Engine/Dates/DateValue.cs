using System.Globalization;
using ExtractRpc.Engine.Pipeline;

namespace ExtractRpc.Engine.Dates;

/// <summary>A resolved point or period of the Gregorian calendar, with the unit it was stated in.</summary>
internal readonly record struct DateValue(DateTime Start, DateGranularity Granularity)
{
    public static DateValue Day(DateTime d) => new(d.Date, DateGranularity.Day);

    public static DateValue Month(int year, int month) => new(new DateTime(year, month, 1), DateGranularity.Month);

    public static DateValue Year(int year) => new(new DateTime(year, 1, 1), DateGranularity.Year);

    public static DateValue Week(DateTime d) => new(d.Date, DateGranularity.Week);

    /// <summary>The last day the value covers.</summary>
    public DateTime LastDay => Granularity switch
    {
        DateGranularity.Year => Start.AddYears(1).AddDays(-1),
        DateGranularity.Month => Start.AddMonths(1).AddDays(-1),
        DateGranularity.Week => ISOWeek.ToDateTime(ISOWeek.GetYear(Start), ISOWeek.GetWeekOfYear(Start), DayOfWeek.Sunday),
        _ => Start.Date,
    };

    /// <summary>ISO 8601 text of the value.</summary>
    public string Iso() => Granularity switch
    {
        DateGranularity.Year => Start.Year.ToString("D4", CultureInfo.InvariantCulture),
        DateGranularity.Month => Start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        DateGranularity.Week => string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(Start):D4}-W{ISOWeek.GetWeekOfYear(Start):D2}"),
        DateGranularity.Time => Start.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
        _ => Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>An ISO interval "start/end" from the first day of <paramref name="from"/> to the last of <paramref name="to"/>.</summary>
    public static string Interval(DateValue from, DateValue to) => $"{from.Iso()}/{to.Iso()}";

    /// <summary>A day interval covering days <c>[first, last]</c>.</summary>
    public static string DayInterval(DateTime first, DateTime last) =>
        string.Create(CultureInfo.InvariantCulture, $"{first:yyyy-MM-dd}/{last:yyyy-MM-dd}");

    /// <summary>The first and last moments an ISO value written by this extractor covers (a day, month,
    /// year, week, time or an interval of them); false for durations.</summary>
    public static bool TryBounds(string value, out DateTime first, out DateTime last)
    {
        first = last = default;
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            return TryBounds(value[..slash], out first, out _) && TryBounds(value[(slash + 1)..], out _, out last);
        }

        var c = CultureInfo.InvariantCulture;
        if (value.Length == 4 && int.TryParse(value, NumberStyles.None, c, out var y))
        {
            first = new DateTime(y, 1, 1);
            last = new DateTime(y, 12, 31);
            return true;
        }

        if (value.Length == 8 && value[5] == 'W' && int.TryParse(value.AsSpan(0, 4), NumberStyles.None, c, out y) && int.TryParse(value.AsSpan(6, 2), NumberStyles.None, c, out var w))
        {
            first = ISOWeek.ToDateTime(y, w, DayOfWeek.Monday);
            last = first.AddDays(6);
            return true;
        }

        if (DateTime.TryParseExact(value, "yyyy-MM", c, DateTimeStyles.None, out first))
        {
            last = first.AddMonths(1).AddDays(-1);
            return true;
        }

        if (DateTime.TryParseExact(value, ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm"], c, DateTimeStyles.None, out first))
        {
            last = first;
            return true;
        }

        return false;
    }
}
