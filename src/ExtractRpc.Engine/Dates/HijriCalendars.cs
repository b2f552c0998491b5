using System.Globalization;

namespace ExtractRpc.Engine.Dates;

/// <summary>
/// Hijri dates through the Umm al-Qura calendar, which Arab governments and news follow, and the
/// tabular Hijri calendar outside Umm al-Qura's range (1318–1500 AH).
/// </summary>
internal static class HijriCalendars
{
    private static readonly UmAlQuraCalendar s_umAlQura = new();
    private static readonly HijriCalendar s_tabular = new();

    public static bool TryToGregorian(int year, int month, int day, out DateTime date)
    {
        date = default;
        if (month is < 1 or > 12 || day is < 1 or > 30)
        {
            return false;
        }

        foreach (Calendar calendar in new Calendar[] { s_umAlQura, s_tabular })
        {
            try
            {
                if (year < calendar.GetYear(calendar.MinSupportedDateTime) + 1 || year > calendar.GetYear(calendar.MaxSupportedDateTime) - 1)
                {
                    continue;
                }

                if (day > calendar.GetDaysInMonth(year, month))
                {
                    return false;
                }

                date = calendar.ToDateTime(year, month, day, 0, 0, 0, 0);
                return true;
            }
            catch (ArgumentOutOfRangeException)
            {
                // outside this calendar's range: try the next
            }
        }

        return false;
    }

    public static int Year(DateTime date)
    {
        try
        {
            return s_umAlQura.GetYear(date);
        }
        catch (ArgumentOutOfRangeException)
        {
            return s_tabular.GetYear(date);
        }
    }

    public static int DaysInMonth(int year, int month)
    {
        try
        {
            return s_umAlQura.GetDaysInMonth(year, month);
        }
        catch (ArgumentOutOfRangeException)
        {
            return s_tabular.GetDaysInMonth(year, month);
        }
    }
}
