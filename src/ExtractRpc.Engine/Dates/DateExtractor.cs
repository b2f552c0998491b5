using System.Globalization;
using ExtractRpc.Engine.Lexicon;
using ExtractRpc.Engine.Pipeline;
using ExtractRpc.Engine.Text;

namespace ExtractRpc.Engine.Dates;

/// <summary>A date mention with the tokens it covers.</summary>
internal readonly record struct DateHit(int First, int End, DateMention Mention);

/// <summary>
/// Finds temporal expressions and resolves them against a reference date: Gregorian months in their
/// Levantine, Egyptian and Maghrebi names (and the double form تشرين الثاني/ نوفمبر), Hijri months,
/// numeric dates (day first), years, ordinal days, weekdays, relative expressions, holidays, ranges
/// and times. Works on tokens, one left-to-right pass with bounded look-ahead, so any input takes
/// linear time. Stateless and thread-safe; the reference time is always passed in.
/// </summary>
internal sealed class DateExtractor
{
    private const int MinYear = 1900;
    private const int MaxYear = 2100;

    /// <summary>How far ahead of the reference a date with no year may lie and still be this year's.</summary>
    private const int NarrationDaysAhead = 90;

    /// <summary>Appends the dates of <paramref name="doc"/> resolved against <paramref name="reference"/> (local time).</summary>
    public void Extract(Document doc, DateTime reference, List<DateHit> hits, CancellationToken cancellationToken) =>
        Extract(doc, reference, hits, 0, doc.Count, cancellationToken);

    /// <summary>
    /// Appends the dates that start in tokens [<paramref name="from"/>, <paramref name="to"/>); a date
    /// may run past <paramref name="to"/>. Give whole lines, so that a range starts where a full pass
    /// would be.
    /// </summary>
    public void Extract(Document doc, DateTime reference, List<DateHit> hits, int from, int to, CancellationToken cancellationToken)
    {
        var parser = new Parser(doc, reference, hits);
        var i = Math.Max(0, from);
        to = Math.Min(to, doc.Count);
        while (i < to)
        {
            if ((i & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var end = parser.TryAt(i);
            i = end > i ? end : i + 1;
        }

        JoinRanges(doc, hits);
    }

    /// <summary>
    /// Two expressions joined by من … إلى/حتى or بين … و are one range (من اليوم حتى الغد، بين الأحد
    /// والخميس، من 2015/08/12 حتى 22 أكتوبر). Ranges the patterns already read stay as they are.
    /// </summary>
    private static void JoinRanges(Document doc, List<DateHit> hits)
    {
        var t = doc.Text;
        for (var h = 0; h + 1 < hits.Count; h++)
        {
            var a = hits[h];
            var b = hits[h + 1];
            if (a.Mention.Kind == DateKind.Duration || b.Mention.Kind == DateKind.Duration || b.First - a.End is < 0 or > 1)
            {
                continue;
            }

            // The joint: إلى، حتى، و (as its own token or on the second expression), or a dash.
            var joined = b.First - a.End == 1
                ? IsJoint(doc, a.End) || t.IsPunct(a.End, '-')
                : doc.StemSkips[b.First] == 1 && t.TokenText(b.First)[0] == Clitics.Waw;
            if (!joined || !DateValue.TryBounds(a.Mention.Value, out var from, out _) || !DateValue.TryBounds(b.Mention.Value, out _, out var to) || to < from)
            {
                continue;
            }

            // من or بين before the first expression belongs to the range.
            var first = a.First;
            if (first > 0 && IsOpener(doc, first - 1))
            {
                first--;
            }

            var span = new TextSpan(t.Span(first, first).Start, b.Mention.Span.End);
            var value = DateValue.DayInterval(from.Date, to.Date);
            var calendar = a.Mention.Calendar == CalendarSystem.Hijri || b.Mention.Calendar == CalendarSystem.Hijri ? CalendarSystem.Hijri : CalendarSystem.Gregorian;
            hits[h] = new DateHit(first, b.End, new DateMention(span, value, DateGranularity.Day, a.Mention.Relative || b.Mention.Relative, calendar, DateKind.Range));
            hits.RemoveAt(h + 1);
        }
    }

    private static bool IsJoint(Document doc, int i) =>
        doc.IsWord(i) && (Is(doc, i, "\u0627\u0644\u064A") || Is(doc, i, "\u062D\u062A\u064A") || Is(doc, i, "\u0648")); // إلى، حتى، و

    private static bool IsOpener(Document doc, int i) =>
        doc.IsWord(i) && (Is(doc, i, "\u0645\u0646") || Is(doc, i, "\u0628\u064A\u0646") || Is(doc, i, "\u0645\u0646\u0630")); // من، بين، منذ

    // The words a date pattern may open with besides the date tables' phrases (see MayStartWithWord):
    // بين، من، يوم، اليوم، شهر, also after a proclitic, then الفترة، في، منذ.
    private static readonly string[] s_openers =
    [
        "\u0628\u064A\u0646", "\u0645\u0646", "\u064A\u0648\u0645", "\u0627\u0644\u064A\u0648\u0645", "\u0634\u0647\u0631",
        "\u0627\u0644\u0641\u062A\u0631\u0647", "\u0641\u064A", "\u0645\u0646\u0630",
    ];

    private const int OpenersWithProclitic = 5;

    /// <summary>The vocabulary ids of the words a date pattern may open with (the first five may carry a
    /// proclitic), or null when the vocabulary lacks one of them (the parser then reads the words' text).</summary>
    internal static int[]? OpenerIds(Vocabulary vocabulary)
    {
        var ids = Array.ConvertAll(s_openers, w => vocabulary.Get(w));
        return Array.IndexOf(ids, Vocabulary.Unknown) < 0 ? ids : null;
    }

    private static bool Is(Document doc, int i, string folded) => doc.Text.TokenText(i).SequenceEqual(folded);

    private readonly struct Parser(Document doc, DateTime reference, List<DateHit> hits)
    {
        private readonly WordLists _w = doc.Lexicon.Words;
        private readonly AnalyzedText _t = doc.Text;

        /// <summary>Tries each pattern at token <paramref name="i"/> in turn; the first that matches records
        /// its hit and returns the token after it, else -1.</summary>
        public int TryAt(int i)
        {
            var kind = _t[i].Kind;
            if (kind == TokenKind.Number)
            {
                var end = NumericDate(i);
                if (end < 0)
                {
                    end = YearRange(i);
                }

                if (end < 0)
                {
                    end = DayMonth(i, i, 0);
                }

                return end > 0 ? end : BareYear(i);
            }

            if (kind != TokenKind.Word || !MayStartWithWord(i))
            {
                return -1;
            }

            // In order of specificity; a switch rather than delegates keeps the loop allocation-free.
            for (var pattern = 0; pattern < 9; pattern++)
            {
                var end = pattern switch
                {
                    0 => RangeWithWords(i),
                    1 => DayMonth(i, i, 0),
                    2 => Weekday(i),
                    3 => Holiday(i),
                    4 => MonthAlone(i),
                    5 => YearWithMarker(i),
                    6 => PastOrNextPeriod(i),
                    7 => Decade(i),
                    _ => Relative(i),
                };
                if (end > 0)
                {
                    return end;
                }
            }

            return -1;
        }

        /// <summary>
        /// False when no pattern can start at word <paramref name="i"/>: every pattern opens with a phrase of
        /// one of the date tables (which the token's start mask tells) or with one of a few words (بين، من،
        /// الفترة، يوم، اليوم، شهر، في، منذ), clitic or not. Most words of an article are neither, and skip the
        /// nine patterns.
        /// </summary>
        private bool MayStartWithWord(int i)
        {
            if ((doc.StartMasks[i] & _w.DateStartBits) != 0)
            {
                return true;
            }

            // By id when the vocabulary holds every opening word: a word written as one of them has its
            // id, and one of them after a proclitic (وبين، لمن) has it as its stem's (also a few more
            // words, such as وفي or لليوم: the patterns themselves then say no). Two vector compares
            // where the test below branches on the word's length and letters.
            if (doc.Lexicon.DateOpeners is { } openers)
            {
                return openers.AsSpan().Contains(doc.Ids[i]) || openers.AsSpan(0, OpenersWithProclitic).Contains(doc.StemIds[i]);
            }

            // The test IsStem and IsWord make for each of them, in one pass over the token's text.
            var word = _t.TokenText(i);
            const string Bayn = "\u0628\u064A\u0646", Min = "\u0645\u0646", Yawm = "\u064A\u0648\u0645", AlYawm = "\u0627\u0644\u064A\u0648\u0645", Shahr = "\u0634\u0647\u0631";
            return word is Bayn or Min or Yawm or AlYawm or Shahr or "\u0627\u0644\u0641\u062A\u0631\u0647" or "\u0641\u064A" or "\u0645\u0646\u0630" // … الفترة، في، منذ
                || (word.Length > 2 && word[0] is Clitics.Waw or Clitics.Feh or Clitics.Beh or Clitics.Lam && word[1..] is Bayn or Min or Yawm or AlYawm or Shahr);
        }

        // ----- building blocks -------------------------------------------------------------

        private bool IsNumber(int i, int maxLength) => i < _t.Count && _t[i].Kind == TokenKind.Number && _t[i].Length <= maxLength;

        private int NumberValue(int i) => int.Parse(_t.TokenText(i), NumberStyles.None, CultureInfo.InvariantCulture);

        private bool Punct(int i, char c) => _t.IsPunct(i, c);

        private bool Adjacent(int i) => i < _t.Count && !_t[i].SpaceBefore;

        /// <summary>A day of month: 1-31 in digits, or an ordinal phrase (السابع والعشرين). Returns the token after it.</summary>
        private int Day(int i, out int day)
        {
            day = 0;
            if (IsNumber(i, 2))
            {
                day = NumberValue(i);
                return day is >= 1 and <= 31 ? i + 1 : -1;
            }

            if (!doc.IsWord(i) || !_w.Ordinals.TryMatch(doc, i, out var o, maxTokens: 3))
            {
                return -1;
            }

            var roles = o.Value.Roles;
            var end = o.End;
            day = o.Value.Value;
            if ((roles & (OrdinalRoles.Unit | OrdinalRoles.UnitCompound)) != 0 && doc.IsWord(end)
                && doc.StemSkips[end] > 0 && _w.Ordinals.ContainsToken(doc, end, out var tens) && (tens.Roles & OrdinalRoles.Tens) != 0)
            {
                day += tens.Value; // السابع والعشرين
                end++;
            }
            else if ((roles & (OrdinalRoles.Unit | OrdinalRoles.Teen | OrdinalRoles.Tens)) == 0)
            {
                return -1;
            }

            return day is >= 1 and <= 31 ? end : -1;
        }

        /// <summary>A month name, with the double form (تشرين الثاني/ نوفمبر، كانون الثاني (يناير)) as one.</summary>
        private int Month(int i, out MonthName month)
        {
            month = default;
            if (!doc.IsWord(i) || !_w.Months.TryMatch(doc, i, out var m, maxTokens: 3))
            {
                return -1;
            }

            month = m.Value;
            var end = m.End;
            var open = Punct(end, '(');
            if ((Punct(end, '/') || open || Punct(end, '-')) && doc.IsWord(end + 1)
                && _w.Months.TryMatch(doc, end + 1, out var second, allowClitic: false, maxTokens: 3)
                && second.Value.Month == month.Month && second.Value.Calendar == month.Calendar)
            {
                end = second.End;
                if (open && Punct(end, ')'))
                {
                    end++;
                }
            }

            return end;
        }

        /// <summary>A year after a month name: as <see cref="Year"/>, also after a comma (يونيو، 2001) and back
        /// to the year 1000 (5 ديسمبر 1391).</summary>
        private int YearAfterMonth(int i, CalendarSystem calendar, out int year, out bool hijriEra)
        {
            var j = Punct(i, ',') || Punct(i, '\u060C') ? i + 1 : i;
            var end = Year(j, calendar, out year, out hijriEra, minYear: 1000);
            return end;
        }

        /// <summary>A year in digits, in parentheses or not, with an optional era mark (م، هـ، هجري،
        /// ميلادي). Returns the token after it.</summary>
        private int Year(int i, CalendarSystem calendar, out int year, out bool hijriEra, int minYear = MinYear)
        {
            year = 0;
            hijriEra = false;
            var open = Punct(i, '(');
            var j = open ? i + 1 : i;
            if (!IsNumber(j, 4) || _t[j].Length != 4)
            {
                return -1;
            }

            year = NumberValue(j);
            var end = j + 1;
            if (open)
            {
                if (!Punct(end, ')'))
                {
                    return -1;
                }

                end++;
            }

            if (doc.IsWord(end) && _w.Eras.TryMatch(doc, end, out var era, allowClitic: false, maxTokens: 1))
            {
                hijriEra = era.Value == CalendarSystem.Hijri;
                end = era.End;
                if (Punct(end, '.') && _t[end - 1].Length == 1)
                {
                    end++;
                }
            }

            var hijri = hijriEra || calendar == CalendarSystem.Hijri;
            var ok = hijri ? year is >= 1300 and <= 1600 : year >= minYear && year <= MaxYear;
            return ok ? end : -1;
        }

        /// <summary>A clock time: 04:57 م، الساعة 10 صباحا، الساعة الثالثة فجرا.</summary>
        private int Time(int i, out int hour, out int minute)
        {
            hour = minute = 0;
            var j = i;
            var clockWord = doc.IsWord(j) && IsWord(j, "\u0627\u0644\u0633\u0627\u0639\u0647"); // الساعة
            if (clockWord)
            {
                j++;
            }

            int end;
            if (IsNumber(j, 2) && Punct(j + 1, ':') && IsNumber(j + 2, 2) && _t[j + 2].Length == 2 && Adjacent(j + 1) && Adjacent(j + 2))
            {
                hour = NumberValue(j);
                minute = NumberValue(j + 2);
                end = j + 3;
            }
            else if (clockWord && IsNumber(j, 2))
            {
                hour = NumberValue(j);
                end = j + 1;
            }
            else if (clockWord && doc.IsWord(j) && _w.ClockWords.TryMatch(doc, j, out var cw, maxTokens: 3))
            {
                hour = cw.Value;
                end = cw.End;
                if (doc.IsWord(end) && _w.ClockWords.TryMatch(doc, end, out var fraction, maxTokens: 3) && fraction.Value is 15 or 20 or 30 or -15)
                {
                    minute = fraction.Value;
                    end = fraction.End;
                    if (minute < 0)
                    {
                        hour -= 1;
                        minute += 60;
                    }
                }
            }
            else
            {
                return -1;
            }

            if (hour is < 0 or > 24 || minute is < 0 or > 59)
            {
                return -1;
            }

            if (end < _t.Count && doc.IsWord(end) && _w.DayParts.TryMatch(doc, end, out var part, maxTokens: 2))
            {
                if (part.Value.Hour >= 12 && hour < 12 && part.Value.Kind != "midnight")
                {
                    hour += 12;
                }

                end = part.End;
            }

            return hour == 24 ? -1 : end;
        }

        private bool IsWord(int i, string folded) => doc.IsWord(i) && _t.TokenText(i).SequenceEqual(folded);

        private bool IsStem(int i, string folded)
        {
            if (!doc.IsWord(i))
            {
                return false;
            }

            var word = _t.TokenText(i);
            return word.SequenceEqual(folded) || (word.Length == folded.Length + 1 && word[0] is Clitics.Waw or Clitics.Feh or Clitics.Beh or Clitics.Lam && word[1..].SequenceEqual(folded));
        }

        private int Direction(int i, out int direction)
        {
            direction = 0;
            if (doc.IsWord(i) && _w.Relative.TryMatch(doc, i, out var r, allowClitic: false, maxTokens: 1) && r.Value.Kind == RelativeKind.Direction)
            {
                direction = r.Value.Value;
                return r.End;
            }

            return -1;
        }

        // ----- patterns -------------------------------------------------------------------

        /// <summary>4-5-2022، 04/06/2021، 2022/5/4 (day first unless the year leads), 16/04/21, with an optional
        /// time; and a month with its year, 3/2015 or 2015/3.</summary>
        private int NumericDate(int i)
        {
            if (!IsNumber(i, 4) || !IsNumber(i + 2, 2) || !IsNumber(i + 4, 4))
            {
                return MonthYear(i);
            }

            // 28/8/1996 or, as some sites print it, 28 / 8 / 1996: the spacing must be the same on both sides.
            var tight = Adjacent(i + 1) && Adjacent(i + 2) && Adjacent(i + 3) && Adjacent(i + 4);
            var spaced = !Adjacent(i + 1) && !Adjacent(i + 2) && !Adjacent(i + 3) && !Adjacent(i + 4) && _t[i + 4].Length == 4;
            if (!tight && !spaced)
            {
                return -1;
            }

            var sep = _t.Normalized.Chars[_t[i + 1].Start];
            if (sep is not ('-' or '/' or '.') || !Punct(i + 3, sep) || (i + 5 < _t.Count && (Punct(i + 5, sep) || (Adjacent(i + 5) && _t[i + 5].Kind == TokenKind.Number))))
            {
                return -1;
            }

            int day, month, year;
            if (_t[i].Length == 4 && _t[i + 4].Length <= 2)
            {
                (year, month, day) = (NumberValue(i), NumberValue(i + 2), NumberValue(i + 4));
            }
            else if (_t[i].Length <= 2 && _t[i + 4].Length == 4)
            {
                (day, month, year) = (NumberValue(i), NumberValue(i + 2), NumberValue(i + 4));
            }
            else if (_t[i].Length <= 2 && _t[i + 4].Length == 2 && sep == '/')
            {
                // 16/04/21: a two-digit year with slashes, as news tables print them.
                var yy = NumberValue(i + 4);
                (day, month, year) = (NumberValue(i), NumberValue(i + 2), yy <= 50 ? 2000 + yy : 1900 + yy);
            }
            else
            {
                return -1;
            }

            if (year is < MinYear or > MaxYear || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            {
                return -1;
            }

            return WithTime(i, i + 5, new DateTime(year, month, day), relative: false, CalendarSystem.Gregorian);
        }

        /// <summary>3/2015، 2015/3 → 2015-03. Not after رقم (a number of a law or a resolution).</summary>
        private int MonthYear(int i)
        {
            if (!IsNumber(i, 4) || !IsNumber(i + 2, 4) || !Adjacent(i + 1) || !Adjacent(i + 2))
            {
                return -1;
            }

            var sep = _t.Normalized.Chars[_t[i + 1].Start];
            if (sep is not ('/' or '-' or '.') || _t[i + 1].Kind != TokenKind.Punct || (i + 3 < _t.Count && Adjacent(i + 3) && _t[i + 3].Kind is TokenKind.Punct or TokenKind.Number && !IsSentencePunct(i + 3))
                || (i > 0 && _t[i - 1].Kind == TokenKind.Word && _w.CommonWords.ContainsToken(doc, i - 1, out _) && !_w.FunctionWords.ContainsToken(doc, i - 1, out _)))
            {
                return -1;
            }

            int month, year;
            if (_t[i].Length <= 2 && _t[i + 2].Length == 4)
            {
                (month, year) = (NumberValue(i), NumberValue(i + 2));
            }
            else if (_t[i].Length == 4 && _t[i + 2].Length <= 2 && sep != '-')
            {
                (year, month) = (NumberValue(i), NumberValue(i + 2));
            }
            else
            {
                return -1;
            }

            if (month is < 1 or > 12 || year is < MinYear or > MaxYear)
            {
                return -1;
            }

            Add(i, i + 3, DateValue.Month(year, month).Iso(), DateGranularity.Month, false, CalendarSystem.Gregorian, DateKind.Date);
            return i + 3;
        }

        private bool IsSentencePunct(int i) => Punct(i, '.') || Punct(i, '\u060C') || Punct(i, ',') || Punct(i, '\u061F');

        /// <summary>
        /// A year on its own after a noun (نكبة 1948، انتخابات 2024، حرب 1973): a four-digit number from
        /// 1900 to 2100 that no counted word follows (2000 جندي is a count) and no quantity word precedes.
        /// </summary>
        private int BareYear(int i)
        {
            if (!IsNumber(i, 4) || _t[i].Length != 4 || i == 0 || !doc.IsWord(i - 1) || _w.FunctionWords.ContainsToken(doc, i - 1, out _)
                || _w.Numbers.ContainsToken(doc, i - 1, out _) || _w.Units.ContainsToken(doc, i - 1, out _))
            {
                return -1;
            }

            var year = NumberValue(i);
            var next = i + 1;
            if (year is < MinYear or > MaxYear || (next < _t.Count && (doc.IsWord(next) && !_w.FunctionWords.ContainsToken(doc, next, out _) && !_w.Eras.ContainsToken(doc, next, out _, allowClitic: false)
                || _t[next].Kind == TokenKind.Number || (Adjacent(next) && !IsSentencePunct(next) && !Punct(next, ')')))))
            {
                return -1;
            }

            var end = Year(i, CalendarSystem.Gregorian, out _, out var hijri);
            if (end < 0 || hijri)
            {
                return -1;
            }

            Add(i, end, DateValue.Year(year).Iso(), DateGranularity.Year, false, CalendarSystem.Gregorian, DateKind.Date);
            return end;
        }

        /// <summary>2015-2020 → 2015/2020.</summary>
        private int YearRange(int i)
        {
            if (!IsNumber(i, 4) || _t[i].Length != 4 || !Punct(i + 1, '-') || !IsNumber(i + 2, 4) || _t[i + 2].Length != 4)
            {
                return -1;
            }

            var a = NumberValue(i);
            var b = NumberValue(i + 2);
            if (a is < MinYear or > MaxYear || b <= a || b > MaxYear || (i + 3 < _t.Count && (Punct(i + 3, '-') || Punct(i + 3, '/'))))
            {
                return -1;
            }

            Add(i, i + 3, DateValue.Interval(DateValue.Year(a), DateValue.Year(b)), DateGranularity.Year, false, CalendarSystem.Gregorian, DateKind.Range);
            return i + 3;
        }

        /// <summary>بين 10 و21 أيار/مايو، من 3 إلى 5 حزيران 2021.</summary>
        private int RangeWithWords(int i)
        {
            var j = i;
            if (!(IsStem(j, "\u0628\u064A\u0646") || IsStem(j, "\u0645\u0646") || IsWord(j, "\u0627\u0644\u0641\u062A\u0631\u0647"))) // بين، من، الفترة
            {
                return -1;
            }

            j++;
            if (IsWord(j, "\u0645\u0627") && IsWord(j + 1, "\u0628\u064A\u0646"))
            {
                j += 2; // ما بين
            }
            else if (IsWord(j, "\u0645\u0646"))
            {
                j++; // الفترة من
            }

            var afterFirst = Day(j, out var d1);
            if (afterFirst < 0)
            {
                return -1;
            }

            var k = afterFirst;
            // The first day may carry its own month: من 28 أيار إلى 3 حزيران.
            var m1End = Month(k, out var month1);
            if (m1End > 0)
            {
                k = m1End;
            }

            int d2Start;
            if (doc.IsWord(k) && _t[k].Length == 1 && _t.Normalized.Chars[_t[k].Start] == Clitics.Waw && IsNumber(k + 1, 2))
            {
                d2Start = k + 1; // و 21
            }
            else if (IsWord(k, "\u0627\u0644\u064A") || IsWord(k, "\u062D\u062A\u064A") || Punct(k, '-'))
            {
                d2Start = k + 1; // إلى، حتى، -
            }
            else
            {
                return -1;
            }

            var afterSecond = Day(d2Start, out var d2);
            if (afterSecond < 0)
            {
                return -1;
            }

            var m2End = Month(afterSecond, out var month2);
            if (m2End < 0)
            {
                return -1;
            }

            if (m1End < 0)
            {
                month1 = month2;
            }

            var end = m2End;
            var yEnd = Year(end, month2.Calendar, out var year, out _);
            var relative = yEnd < 0;
            if (yEnd > 0)
            {
                end = yEnd;
            }
            else
            {
                var dEnd = Direction(end, out var direction);
                year = ResolveYear(month2.Month, d2, direction, month2.Calendar);
                if (dEnd > 0)
                {
                    end = dEnd;
                }
            }

            if (!TryDate(year, month1, d1, out var from) || !TryDate(year, month2, d2, out var to) || to < from)
            {
                return -1;
            }

            Add(i, end, DateValue.DayInterval(from, to), DateGranularity.Day, relative, month2.Calendar, DateKind.Range);
            return end;
        }

        /// <summary>DAY [من] MONTH [YEAR] [TIME]: 24 فبراير، السابع والعشرين من تشرين الثاني/ نوفمبر، 15 رمضان 1445 هـ.</summary>
        private int DayMonth(int spanStart, int i, int minEnd)
        {
            var afterDay = Day(i, out var day);
            if (afterDay < 0)
            {
                return -1;
            }

            var j = afterDay;
            var ordinal = _t[i].Kind == TokenKind.Word;
            if (IsWord(j, "\u0645\u0646"))
            {
                j++; // من
            }
            else if (ordinal)
            {
                return -1; // an ordinal day needs من before its month
            }

            var afterMonth = Month(j, out var month);
            if (afterMonth < 0)
            {
                return RelativeMonthDay(spanStart, j, day, ordinal || IsWord(j - 1, "\u0645\u0646"));
            }

            var end = afterMonth;
            var yEnd = YearAfterMonth(end, month.Calendar, out var year, out var hijriEra);
            var relative = false;
            if (yEnd > 0)
            {
                end = yEnd;
                if (hijriEra && month.Calendar == CalendarSystem.Gregorian)
                {
                    return -1;
                }
            }
            else
            {
                var dEnd = Direction(end, out var direction);
                year = ResolveYear(month.Month, day, direction, month.Calendar);
                relative = true;
                if (dEnd > 0)
                {
                    end = dEnd;
                }
            }

            if (!TryDate(year, month, day, out var date))
            {
                return -1;
            }

            return Math.Max(minEnd, WithTime(spanStart, end, date, relative, month.Calendar));
        }

        /// <summary>العشرين من الشهر المقبل، 5 الشهر الجاري: a day of the month before, this or the next.</summary>
        private int RelativeMonthDay(int spanStart, int j, int day, bool withMin)
        {
            if (!withMin || !doc.IsWord(j) || !_w.Relative.TryMatch(doc, j, out var noun, allowClitic: false, maxTokens: 1)
                || noun.Value.Kind != RelativeKind.PeriodNoun || noun.Value.Unit != TimeUnit.Month)
            {
                return -1;
            }

            var end = Direction(noun.End, out var direction);
            if (end < 0)
            {
                return -1;
            }

            var m = reference.Date.AddMonths(direction);
            if (day > DateTime.DaysInMonth(m.Year, m.Month))
            {
                return -1;
            }

            return WithTime(spanStart, end, new DateTime(m.Year, m.Month, day), relative: true, CalendarSystem.Gregorian);
        }

        /// <summary>Adds a day date, extended by a following time (الجمعة 4 يونيو 2021 04:57 م).</summary>
        private int WithTime(int start, int end, DateTime date, bool relative, CalendarSystem calendar)
        {
            var timeEnd = Time(end, out var hour, out var minute);
            if (timeEnd > 0)
            {
                Add(start, timeEnd, new DateValue(date.Date.AddHours(hour).AddMinutes(minute), DateGranularity.Time).Iso(), DateGranularity.Time, relative, calendar, DateKind.Date);
                return timeEnd;
            }

            Add(start, end, DateValue.Day(date).Iso(), DateGranularity.Day, relative, calendar, DateKind.Date);
            return end;
        }

        /// <summary>Weekdays: يوم الأربعاء، الخميس المقبل، اليوم الأربعاء، مساء الأحد, or a weekday that heads a full date.</summary>
        private int Weekday(int i)
        {
            var start = i;
            var j = i;
            var today = false;
            if (doc.IsWord(j) && _w.DayParts.TryMatch(doc, j, out var part, maxTokens: 1) && part.Value.Kind is "evening" or "morning" or "night" or "dawn" or "noon" or "afternoon")
            {
                j = part.End; // مساء الأحد
            }

            var hasYawm = IsStem(j, "\u064A\u0648\u0645"); // يوم
            if (hasYawm)
            {
                j++;
            }
            else if (IsStem(j, "\u0627\u0644\u064A\u0648\u0645") && j + 1 < _t.Count && doc.IsWord(j + 1) && _w.Weekdays.ContainsToken(doc, j + 1, out _, allowClitic: false))
            {
                today = true; // اليوم الأربعاء: the reference day
                j++;
            }

            if (!doc.IsWord(j) || !_w.Weekdays.TryMatch(doc, j, out var wd, maxTokens: 1))
            {
                return -1;
            }

            var end = wd.End;
            // A weekday may head a full date: الجمعة 4 يونيو 2021، الخميس 12-10-2023.
            var k = Punct(end, '\u060C') || Punct(end, ',') ? end + 1 : end;
            var dated = DayMonth(start, k, 0);
            if (dated < 0)
            {
                dated = NumericDate(k) is var n && n > 0 ? WidenLastHit(start, n) : -1;
            }

            if (dated > 0)
            {
                return dated;
            }

            var dEnd = Direction(end, out var direction);
            var ambiguous = _t.TokenText(wd.Start).SequenceEqual("\u0627\u0644\u0627\u062B\u0646\u064A\u0646"); // الاثنين is also "the two"
            if (ambiguous && !hasYawm && !today && dEnd < 0 && !(Punct(wd.Start - 1, '\u060C') || Punct(end, '\u060C') || Punct(end, ',')))
            {
                return -1;
            }

            var target = (DayOfWeek)(wd.Value % 7);
            DateTime date;
            // الجمعة من الأسبوع المقبل، الثلاثاء من هذا الأسبوع: that weekday of the week named.
            var weekEnd = WeekAfter(dEnd > 0 ? dEnd : end, out var weekOffset);
            if (today)
            {
                date = reference.Date;
            }
            else if (weekEnd > 0)
            {
                date = WeekStart(reference.Date).AddDays(7 * weekOffset + ((int)target + 6) % 7);
                end = weekEnd;
            }
            else if (dEnd > 0 && direction > 0)
            {
                date = Next(target, reference.Date);
                end = dEnd;
            }
            else if (dEnd > 0 && direction < 0)
            {
                date = Previous(target, reference.Date.AddDays(-1));
                end = dEnd;
            }
            else if (IsThis(start - 1) || IsFuture(start))
            {
                // سيزور الوفد القاهرة الخميس، هذا الجمعة: the coming one (the reference day itself included).
                date = reference.Date.AddDays(((int)target - (int)reference.DayOfWeek + 7) % 7);
                start = IsThis(start - 1) ? start - 1 : start;
                if (dEnd > 0)
                {
                    end = dEnd;
                }
            }
            else
            {
                // In news narration a bare weekday is the most recent one (the reference day itself included).
                date = Previous(target, reference.Date);
                if (dEnd > 0)
                {
                    end = dEnd;
                }
            }

            Add(start, end, DateValue.Day(date).Iso(), DateGranularity.Day, true, CalendarSystem.Gregorian, DateKind.Date, CliticSkip(start));
            return end;
        }

        /// <summary>[من] الأسبوع المقبل / الماضي / الجاري، [من] هذا الأسبوع after a weekday: the week's offset.</summary>
        private int WeekAfter(int i, out int offset)
        {
            offset = 0;
            var j = IsWord(i, "\u0645\u0646") ? i + 1 : i; // من
            var @this = IsThis(j);
            if (@this)
            {
                j++;
            }

            if (!doc.IsWord(j) || !_w.Relative.TryMatch(doc, j, out var noun, allowClitic: false, maxTokens: 1) || noun.Value.Kind != RelativeKind.PeriodNoun || noun.Value.Unit != TimeUnit.Week)
            {
                return -1;
            }

            if (@this)
            {
                return noun.End;
            }

            return Direction(noun.End, out offset);
        }

        private static DateTime WeekStart(DateTime d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

        private bool IsThis(int i) =>
            i >= 0 && doc.IsWord(i) && _w.Relative.TryMatch(doc, i, out var r, allowClitic: false, maxTokens: 1) && r.Value.Kind == RelativeKind.Direction && r.Value.Value == 0 && _t[i].Length <= 3;

        /// <summary>True when a future marker (سوف، or a verb with the future prefix سـ: سيزور، ستعقد) stands in
        /// the same sentence within a few words before <paramref name="i"/>.</summary>
        private bool IsFuture(int i)
        {
            for (var k = i - 1; k >= 0 && k >= i - 8; k--)
            {
                if (_t[k].Kind is TokenKind.LineBreak || Punct(k, '.'))
                {
                    return false;
                }

                if (!doc.IsWord(k))
                {
                    continue;
                }

                var w = _t.TokenText(k);
                if (w.SequenceEqual("\u0633\u0648\u0641"))
                {
                    return true; // سوف
                }

                if (w.Length >= 4 && w[0] == '\u0633' && w[1] is '\u064A' or '\u062A' or '\u0646' or ArabicNormalizer.Alef && Vocabulary.Unknown == doc.Ids[k])
                {
                    // A future prefix on a present verb: the rest is a verb the lists know.
                    var stem = w[1..];
                    if (IsKnownVerb(stem))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private bool IsKnownVerb(ReadOnlySpan<char> presentVerb)
        {
            var id = doc.Lexicon.Vocabulary.Get(presentVerb);
            return id != Vocabulary.Unknown && (_w.CommonWords.TryGetSequence([id], out _) || _w.SpeechVerbs.TryGetSequence([id], out _) || _w.FunctionWords.TryGetSequence([id], out _));
        }

        // ويوم الجمعة: the conjunction stays out of the span.
        private int CliticSkip(int i) => doc.Ids[i] == Vocabulary.Unknown ? doc.StemSkips[i] : 0;

        // NumericDate recorded a hit that starts at the date; the weekday before it belongs to it.
        private int WidenLastHit(int start, int dateEnd)
        {
            var last = hits[^1];
            hits[^1] = last with { First = start, Mention = last.Mention with { Span = new TextSpan(_t.Span(start, start).Start, last.Mention.Span.End) } };
            return dateEnd;
        }

        private static DateTime Previous(DayOfWeek target, DateTime from)
        {
            var diff = ((int)from.DayOfWeek - (int)target + 7) % 7;
            return from.AddDays(-diff);
        }

        private static DateTime Next(DayOfWeek target, DateTime from)
        {
            var diff = ((int)target - (int)from.DayOfWeek + 7) % 7;
            return from.AddDays(diff == 0 ? 7 : diff);
        }

        /// <summary>Named holidays: عيد الفطر، رمضان، عيد الميلاد، with a year or placed nearest the reference.</summary>
        private int Holiday(int i)
        {
            var start = i;
            if (IsStem(i, "\u0634\u0647\u0631") && doc.IsWord(i + 1) && _w.Holidays.TryMatch(doc, i + 1, out _, allowClitic: false))
            {
                i++; // شهر رمضان
            }

            if (!_w.Holidays.TryMatch(doc, i, out var h, maxTokens: 4))
            {
                return -1;
            }

            var holiday = h.Value;
            var end = h.End;
            // عيد الفطر 2023 (a Gregorian year) or عيد الفطر 1444 هـ.
            var yEnd = Year(end, CalendarSystem.Gregorian, out var year, out _);
            if (yEnd < 0)
            {
                yEnd = Year(end, holiday.Calendar, out year, out _);
            }

            var relative = yEnd < 0;
            DateTime first;
            if (yEnd > 0)
            {
                end = yEnd;
                if (!HolidayDate(holiday, year, gregorianYear: year >= MinYear, out first))
                {
                    return -1;
                }
            }
            else
            {
                var dEnd = Direction(end, out var direction);
                if (dEnd > 0)
                {
                    end = dEnd;
                }

                if (!NearestHoliday(holiday, direction, dEnd > 0, out first))
                {
                    return -1;
                }
            }

            var value = holiday.LengthDays > 1
                ? DateValue.DayInterval(first, first.AddDays(holiday.LengthDays - 1))
                : DateValue.Day(first).Iso();
            Add(start, end, value, DateGranularity.Day, relative, holiday.Calendar, holiday.LengthDays > 1 ? DateKind.Range : DateKind.Date, start == h.Start ? h.Skip : CliticSkip(start));
            return end;
        }

        private bool NearestHoliday(HolidayName holiday, int direction, bool directed, out DateTime date)
        {
            date = default;
            var best = DateTime.MaxValue;
            var bestDistance = double.MaxValue;
            var baseYear = holiday.Calendar == CalendarSystem.Hijri ? HijriYear(reference) : reference.Year;
            for (var y = baseYear - 1; y <= baseYear + 1; y++)
            {
                if (!HolidayDate(holiday, y, gregorianYear: holiday.Calendar == CalendarSystem.Gregorian, out var d))
                {
                    continue;
                }

                if (directed && ((direction < 0 && d > reference.Date) || (direction > 0 && d <= reference.Date)))
                {
                    continue;
                }

                var distance = Math.Abs((d - reference.Date).TotalDays);
                if (distance < bestDistance)
                {
                    bestDistance = distance;
                    best = d;
                }
            }

            date = best;
            return best != DateTime.MaxValue;
        }

        private static bool HolidayDate(HolidayName holiday, int year, bool gregorianYear, out DateTime date)
        {
            date = default;
            if (holiday.Calendar == CalendarSystem.Gregorian)
            {
                if (!gregorianYear)
                {
                    return false;
                }

                return TryGregorian(year, holiday.Month, holiday.Day, out date);
            }

            // A Gregorian year names the Hijri holiday that falls in it.
            if (gregorianYear)
            {
                foreach (var hy in new[] { HijriYear(new DateTime(year, 1, 1)), HijriYear(new DateTime(year, 12, 31)) })
                {
                    if (HijriCalendars.TryToGregorian(hy, holiday.Month, holiday.Day, out var d) && d.Year == year)
                    {
                        date = d;
                        return true;
                    }
                }

                return false;
            }

            return HijriCalendars.TryToGregorian(year, holiday.Month, holiday.Day, out date);
        }

        private static int HijriYear(DateTime date) => HijriCalendars.Year(date);

        /// <summary>MONTH [/MONTH] YEAR, MONTH الماضي، في نوفمبر, and period parts (أواخر مارس، منتصف الشهر الحالي).</summary>
        private int MonthAlone(int i)
        {
            var start = i;
            var part = PeriodPart.None;
            if (doc.IsWord(i) && _w.Relative.TryMatch(doc, i, out var p, maxTokens: 1) && p.Value.Kind == RelativeKind.PeriodPart)
            {
                part = p.Value.Part;
                i = p.End;
            }

            var hasMonthWord = IsStem(i, "\u0634\u0647\u0631"); // شهر
            var m0 = hasMonthWord ? i + 1 : i;
            var afterMonth = Month(m0, out var month);
            if (afterMonth < 0)
            {
                return -1;
            }

            var end = afterMonth;
            var yEnd = YearAfterMonth(end, month.Calendar, out var year, out var hijriEra);
            var relative = false;
            if (yEnd > 0)
            {
                if (hijriEra && month.Calendar == CalendarSystem.Gregorian)
                {
                    return -1;
                }

                end = yEnd;
            }
            else
            {
                var dEnd = Direction(end, out var direction);
                var doubled = afterMonth - m0 > 1 && (Punct(m0 + 1, '/') || Punct(afterMonth - 2, '/') || HasSlash(m0, afterMonth));
                // A month name alone is often another word (مارس "practised", آب "father"): it needs
                // a year, a direction, the double form, شهر, a preceding preposition or a period part.
                // بمارس reads "in March", but باب is "door", not ب + آب: only ب, and only before a longer stem.
                var cliticIn = doc.StemSkips[m0] > 0 && _t.TokenText(m0)[doc.StemSkips[m0] - 1] == Clitics.Beh && _t[m0].Length - doc.StemSkips[m0] >= 4;
                var preposition = IsPreposition(start - 1) || IsStem(start, "\u0641\u064A") || cliticIn;
                if (dEnd < 0 && !doubled && !hasMonthWord && part == PeriodPart.None && !preposition)
                {
                    return -1;
                }

                year = ResolveYear(month.Month, 1, direction, month.Calendar, monthOnly: true);
                relative = true;
                if (dEnd > 0)
                {
                    end = dEnd;
                }
            }

            if (!TryDate(year, month, 1, out var first))
            {
                return -1;
            }

            var monthValue = month.Calendar == CalendarSystem.Gregorian ? DateValue.Month(first.Year, first.Month) : default;
            string value;
            DateKind kind;
            if (month.Calendar == CalendarSystem.Hijri)
            {
                // A Hijri month is not a Gregorian month: give its days.
                var days = HijriCalendars.DaysInMonth(year, month.Month);
                var (a, b) = Part(first, first.AddDays(days - 1), part);
                value = DateValue.DayInterval(a, b);
                kind = DateKind.Range;
            }
            else if (part != PeriodPart.None)
            {
                var (a, b) = Part(first, monthValue.LastDay, part);
                value = DateValue.DayInterval(a, b);
                kind = DateKind.Range;
            }
            else
            {
                value = monthValue.Iso();
                kind = DateKind.Date;
            }

            Add(start, end, value, part == PeriodPart.None && month.Calendar == CalendarSystem.Gregorian ? DateGranularity.Month : DateGranularity.Day, relative, month.Calendar, kind);
            return end;
        }

        private bool HasSlash(int from, int to)
        {
            for (var k = from; k < to; k++)
            {
                if (Punct(k, '/'))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsPreposition(int i) =>
            i >= 0 && doc.IsWord(i) && (IsWord(i, "\u0641\u064A") || IsWord(i, "\u0645\u0646\u0630") || IsWord(i, "\u062D\u062A\u064A") || IsWord(i, "\u062E\u0644\u0627\u0644") || IsWord(i, "\u0645\u0646") || IsWord(i, "\u0627\u0644\u064A") || IsWord(i, "\u0642\u0628\u0644") || IsWord(i, "\u0628\u0639\u062F"));

        private static (DateTime, DateTime) Part(DateTime first, DateTime last, PeriodPart part)
        {
            var days = (last - first).Days + 1;
            var third = days / 3;
            return part switch
            {
                PeriodPart.Start => (first, first.AddDays(third - 1)),
                PeriodPart.Middle => (first.AddDays(third), first.AddDays(2 * third - 1)),
                PeriodPart.End => (first.AddDays(2 * third), last),
                _ => (first, last),
            };
        }

        /// <summary>عام 2015، العام 2015، سنة ١٩٩٠، في 2014.</summary>
        private int YearWithMarker(int i)
        {
            var isYearWord = doc.IsWord(i) && _w.Units.TryMatch(doc, i, out var u, maxTokens: 1) && u.Value.Unit == TimeUnit.Year && u.Value.Count == 1;
            isYearWord |= doc.IsWord(i) && _w.Relative.TryMatch(doc, i, out var r, maxTokens: 1) && r.Value.Kind == RelativeKind.PeriodNoun && r.Value.Unit == TimeUnit.Year;
            var isIn = IsWord(i, "\u0641\u064A") || IsWord(i, "\u0645\u0646\u0630"); // في، منذ
            if (!isYearWord && !isIn)
            {
                return -1;
            }

            var yEnd = Year(i + 1, CalendarSystem.Gregorian, out var year, out var hijri);
            if (yEnd < 0 || (isIn && !isYearWord && _t[Punct(i + 1, '(') ? i + 2 : i + 1].Length != 4))
            {
                return -1;
            }

            // في 2014 but not في 2000 جندي: a bare year after في must not be a count.
            if (!isYearWord && yEnd < _t.Count && doc.IsWord(yEnd) && !doc.Lexicon.Words.FunctionWords.ContainsToken(doc, yEnd, out _) && !_t[yEnd].SpaceBefore)
            {
                return -1;
            }

            if (hijri)
            {
                var d = HijriCalendars.TryToGregorian(year, 1, 1, out var g) ? g : default;
                if (d == default)
                {
                    return -1;
                }

                var last = HijriCalendars.TryToGregorian(year + 1, 1, 1, out var g2) ? g2.AddDays(-1) : d.AddDays(353);
                Add(isIn ? i + 1 : i, yEnd, DateValue.DayInterval(d, last), DateGranularity.Day, false, CalendarSystem.Hijri, DateKind.Range);
                return yEnd;
            }

            Add(isIn ? i + 1 : i, yEnd, DateValue.Year(year).Iso(), DateGranularity.Year, false, CalendarSystem.Gregorian, DateKind.Date);
            return yEnd;
        }

        /// <summary>اليوم، أمس، غدا؛ الأسبوع الماضي، الشهر الجاري، منتصف الشهر الحالي؛ قبل ثلاثة أيام، منذ أسبوعين.</summary>
        private int Relative(int i)
        {
            if (!_w.Relative.TryMatch(doc, i, out var r, maxTokens: 4))
            {
                return -1;
            }

            var word = r.Value;
            switch (word.Kind)
            {
                case RelativeKind.DayOffset:
                    {
                        // اليوم followed by a noun phrase is often "the day" (اليوم الأول): only a date when it stands alone
                        // or is followed by punctuation, a weekday or a daypart.
                        if (word.Value == 0 && r.End - r.Start == 1 && doc.IsWord(r.End) && !_w.DayParts.ContainsToken(doc, r.End, out _, allowClitic: false)
                            && !_w.Weekdays.ContainsToken(doc, r.End, out _, allowClitic: false)
                            && !_w.FunctionWords.ContainsToken(doc, r.End, out _) && !_w.SpeechVerbs.ContainsToken(doc, r.End, out _))
                        {
                            return -1;
                        }

                        var date = reference.Date.AddDays(word.Value);
                        var end = r.End;
                        // أمس الأحد، اليوم الأربعاء: the weekday names the same day.
                        if (doc.IsWord(end) && _w.Weekdays.ContainsToken(doc, end, out _, allowClitic: false))
                        {
                            end++;
                        }

                        Add(i, end, DateValue.Day(date).Iso(), DateGranularity.Day, true, CalendarSystem.Gregorian, DateKind.Date, r.Skip);
                        return end;
                    }

                case RelativeKind.PeriodPart:
                case RelativeKind.PeriodNoun:
                    return PeriodExpression(i, r);

                case RelativeKind.Direction when word.Value == 0 && IsThis(i):
                    return ThisPeriod(i);

                case RelativeKind.BeforeAfter:
                    return Offset(i, r);

                default:
                    return -1;
            }
        }

        private bool WeekdayAfter(int i, out int end, out DayOfWeek target)
        {
            end = -1;
            target = default;
            var j = IsStem(i, "\u064A\u0648\u0645") ? i + 1 : i; // يوم
            if (!doc.IsWord(j) || !_w.Weekdays.TryMatch(doc, j, out var wd, allowClitic: false, maxTokens: 1))
            {
                return false;
            }

            end = wd.End;
            target = (DayOfWeek)(wd.Value % 7);
            return true;
        }

        private int PartOfPeriod(int i, int end, TimeUnit unit, int direction, PeriodPart part, int skip)
        {
            var r0 = reference.Date;
            DateValue value = unit switch
            {
                TimeUnit.Week => DateValue.Week(r0.AddDays(7 * direction)),
                TimeUnit.Month => DateValue.Month(r0.AddMonths(direction).Year, r0.AddMonths(direction).Month),
                TimeUnit.Year => DateValue.Year(r0.Year + direction),
                _ => default,
            };
            if (value == default)
            {
                return -1;
            }

            var first = unit == TimeUnit.Week ? WeekStart(value.Start) : value.Start;
            var last = unit == TimeUnit.Week ? first.AddDays(6) : value.LastDay;
            var (a, b) = Part(first, last, part);
            Add(i, end, DateValue.DayInterval(a, b), DateGranularity.Day, true, CalendarSystem.Gregorian, DateKind.Range, skip);
            return end;
        }

        /// <summary>الأيام الثلاثة الماضية، الأشهر الستة المقبلة، العقدين الماضيين، خلال الأسبوعين المقبلين: the
        /// stretch of time that ends at (or starts from) the reference.</summary>
        private int PastOrNextPeriod(int i)
        {
            if (!doc.IsWord(i) || !_w.Units.TryMatch(doc, i, out var u, maxTokens: 1) || !_t.TokenText(i)[u.Skip..].StartsWith("\u0627\u0644"))
            {
                return -1;
            }

            var count = u.Value.Count;
            var j = u.End;
            if (count == 0)
            {
                if (!doc.IsWord(j) || !_w.Numbers.TryMatch(doc, j, out var n, allowClitic: false, maxTokens: 2) || n.Value.Role is not (NumberRole.Cardinal or NumberRole.Tens))
                {
                    return -1;
                }

                count = n.Value.Value;
                j = n.End;
            }
            else if (count == 1)
            {
                return -1; // اليوم، الشهر: handled as relative words
            }

            var end = Direction(j, out var direction);
            if (end < 0 || direction == 0 || count is <= 0 or > 100)
            {
                return -1;
            }

            var r0 = reference.Date;
            var other = u.Value.Unit switch
            {
                TimeUnit.Day => r0.AddDays(direction * count),
                TimeUnit.Week => r0.AddDays(7 * direction * count),
                TimeUnit.Month => r0.AddMonths(direction * count),
                TimeUnit.Year => r0.AddYears(direction * count),
                TimeUnit.Decade => r0.AddYears(10 * direction * count),
                _ => r0,
            };
            if (other == r0 || other.Year is < 1 or > 9998)
            {
                return -1;
            }

            var value = direction < 0 ? DateValue.DayInterval(other, r0) : DateValue.DayInterval(r0, other);
            Add(i, end, value, DateGranularity.Day, true, CalendarSystem.Gregorian, DateKind.Range, u.Skip);
            return end;
        }

        /// <summary>السبعينيات، في ثمانينيات القرن الماضي: a decade as a range of years.</summary>
        private int Decade(int i)
        {
            if (!doc.IsWord(i) || !_w.Decades.TryMatch(doc, i, out var d, maxTokens: 4))
            {
                return -1;
            }

            var first = d.Value == 0 ? 2000 : 1900 + d.Value;
            Add(i, d.End, DateValue.Interval(DateValue.Year(first), DateValue.Year(first + 9)), DateGranularity.Year, false, CalendarSystem.Gregorian, DateKind.Range, d.Skip);
            return d.End;
        }

        /// <summary>هذا الأسبوع، هذا الشهر، هذا العام، هذه السنة: the current period.</summary>
        private int ThisPeriod(int i)
        {
            if (!doc.IsWord(i + 1) || !_w.Relative.TryMatch(doc, i + 1, out var noun, allowClitic: false, maxTokens: 1) || noun.Value.Kind != RelativeKind.PeriodNoun)
            {
                return -1;
            }

            DateValue value;
            switch (noun.Value.Unit)
            {
                case TimeUnit.Week: value = DateValue.Week(reference.Date); break;
                case TimeUnit.Month: value = DateValue.Month(reference.Year, reference.Month); break;
                case TimeUnit.Year: value = DateValue.Year(reference.Year); break;
                default: return -1;
            }

            Add(i, noun.End, value.Iso(), value.Granularity, true, CalendarSystem.Gregorian, DateKind.Date, CliticSkip(i));
            return noun.End;
        }

        private int PeriodExpression(int i, PhraseMatch<RelativeWord> r)
        {
            var part = PeriodPart.None;
            var j = i;
            var skip = r.Skip;
            if (r.Value.Kind == RelativeKind.PeriodPart)
            {
                part = r.Value.Part;
                j = r.End;
                var @this = IsThis(j); // نهاية هذا الأسبوع
                if (@this)
                {
                    j++;
                }

                if (!doc.IsWord(j) || !_w.Relative.TryMatch(doc, j, out var noun, allowClitic: false, maxTokens: 1) || noun.Value.Kind != RelativeKind.PeriodNoun)
                {
                    return -1;
                }

                r = noun;
                if (@this)
                {
                    return PartOfPeriod(i, r.End, r.Value.Unit, 0, part, skip);
                }
            }

            var unit = r.Value.Unit;
            var dEnd = Direction(r.End, out var direction);
            if (dEnd > 0 && part == PeriodPart.None && unit == TimeUnit.Week && WeekdayAfter(dEnd, out var weekdayEnd, out var target))
            {
                // الأسبوع المقبل يوم الجمعة: that weekday of the week named.
                var d = WeekStart(reference.Date).AddDays(7 * direction + ((int)target + 6) % 7);
                Add(i, weekdayEnd, DateValue.Day(d).Iso(), DateGranularity.Day, true, CalendarSystem.Gregorian, DateKind.Date, skip);
                return weekdayEnd;
            }

            if (dEnd > 0 && part != PeriodPart.None)
            {
                return PartOfPeriod(i, dEnd, unit, direction, part, skip);
            }
            if (dEnd < 0 || unit is not (TimeUnit.Week or TimeUnit.Month or TimeUnit.Year or TimeUnit.Day))
            {
                return -1;
            }

            var reference0 = reference.Date;
            DateValue value = unit switch
            {
                TimeUnit.Week => DateValue.Week(reference0.AddDays(7 * direction)),
                TimeUnit.Month => DateValue.Month(reference0.AddMonths(direction).Year, reference0.AddMonths(direction).Month),
                TimeUnit.Year => DateValue.Year(reference0.Year + direction),
                _ => DateValue.Day(reference0.AddDays(direction)),
            };

            if (part != PeriodPart.None && unit != TimeUnit.Day)
            {
                var (a, b) = Part(value.Start, value.LastDay, part);
                Add(i, dEnd, DateValue.DayInterval(a, b), DateGranularity.Day, true, CalendarSystem.Gregorian, DateKind.Range, skip);
            }
            else
            {
                Add(i, dEnd, value.Iso(), value.Granularity, true, CalendarSystem.Gregorian, DateKind.Date, skip);
            }

            return dEnd;
        }

        private int Offset(int i, PhraseMatch<RelativeWord> r)
        {
            var j = r.End;
            int count;
            TimeUnit unit;
            if (doc.IsWord(j) && !_t.TokenText(j).StartsWith("\u0627\u0644") && _w.Units.TryMatch(doc, j, out var dual, allowClitic: false, maxTokens: 1) && dual.Value.Count > 0)
            {
                count = dual.Value.Count; // يومين، أسبوعين، عام
                unit = dual.Value.Unit;
                j = dual.End;
            }
            else
            {
                if (IsNumber(j, 3))
                {
                    count = NumberValue(j);
                    j++;
                }
                else if (doc.IsWord(j) && _w.Numbers.TryMatch(doc, j, out var number, allowClitic: false, maxTokens: 2) && number.Value.Role is NumberRole.Cardinal or NumberRole.Tens)
                {
                    count = number.Value.Value;
                    j = number.End;
                }
                else
                {
                    return -1;
                }

                if (!doc.IsWord(j) || _t.TokenText(j).StartsWith("\u0627\u0644") || !_w.Units.TryMatch(doc, j, out var u, allowClitic: false, maxTokens: 1))
                {
                    return -1;
                }

                unit = u.Value.Unit;
                j = u.End;
            }

            if (count is <= 0 or > 1000)
            {
                return -1;
            }

            var sign = r.Value.Value;
            if (sign == 0)
            {
                // لمدة ثلاثة أيام، خلال يومين: a length of time with no anchor.
                var designator = unit switch
                {
                    TimeUnit.Minute => "PT" + count.ToString(CultureInfo.InvariantCulture) + "M",
                    TimeUnit.Hour => "PT" + count.ToString(CultureInfo.InvariantCulture) + "H",
                    TimeUnit.Day => "P" + count.ToString(CultureInfo.InvariantCulture) + "D",
                    TimeUnit.Week => "P" + count.ToString(CultureInfo.InvariantCulture) + "W",
                    TimeUnit.Month => "P" + count.ToString(CultureInfo.InvariantCulture) + "M",
                    TimeUnit.Year => "P" + count.ToString(CultureInfo.InvariantCulture) + "Y",
                    TimeUnit.Decade => "P" + (count * 10).ToString(CultureInfo.InvariantCulture) + "Y",
                    _ => "P" + (count * 100).ToString(CultureInfo.InvariantCulture) + "Y",
                };
                Add(r.End, j, designator, DateGranularity.Day, false, CalendarSystem.Gregorian, DateKind.Duration);
                return j;
            }

            var d = reference;
            var n = sign * count;
            DateValue value;
            switch (unit)
            {
                case TimeUnit.Day: value = DateValue.Day(d.AddDays(n)); break;
                case TimeUnit.Week: value = DateValue.Week(d.AddDays(7 * n)); break;
                case TimeUnit.Month: var m = d.AddMonths(n); value = DateValue.Month(m.Year, m.Month); break;
                case TimeUnit.Year: value = DateValue.Year(d.Year + n); break;
                case TimeUnit.Hour: value = new DateValue(d.AddHours(n), DateGranularity.Time); break;
                default: return -1;
            }

            if (value.Start.Year is < 1 or > 9998)
            {
                return -1;
            }

            Add(i, j, value.Iso(), value.Granularity, true, CalendarSystem.Gregorian, DateKind.Date, r.Skip);
            return j;
        }

        // ----- resolution ---------------------------------------------------------------

        /// <summary>
        /// The year of a day and month written without one. الماضي/المنصرم: the latest occurrence before
        /// the reference; المقبل/القادم: the first after it. With no such word the narration decides:
        /// news tells of the recent past and the near future, so a date up to three months ahead is
        /// this year's and one further ahead is last year's.
        /// </summary>
        private int ResolveYear(int month, int day, int direction, CalendarSystem calendar, bool monthOnly = false)
        {
            if (calendar == CalendarSystem.Hijri)
            {
                var hy = HijriYear(reference);
                var best = hy;
                var bestDistance = double.MaxValue;
                for (var y = hy - 1; y <= hy + 1; y++)
                {
                    if (!HijriCalendars.TryToGregorian(y, month, Math.Min(day, 29), out var g))
                    {
                        continue;
                    }

                    if ((direction < 0 && g > reference.Date) || (direction > 0 && g <= reference.Date))
                    {
                        continue;
                    }

                    var distance = Math.Abs((g - reference.Date).TotalDays);
                    if (distance < bestDistance)
                    {
                        bestDistance = distance;
                        best = y;
                    }
                }

                return best;
            }

            var year = reference.Year;
            if (monthOnly)
            {
                return direction switch
                {
                    < 0 => month < reference.Month ? year : year - 1,
                    > 0 => month > reference.Month ? year : year + 1,
                    _ => new DateTime(year, month, 1) > reference.Date.AddDays(NarrationDaysAhead) ? year - 1 : year,
                };
            }

            var candidate = new DateTime(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
            return direction switch
            {
                < 0 => candidate < reference.Date ? year : year - 1,
                > 0 => candidate > reference.Date ? year : year + 1,
                _ => candidate > reference.Date.AddDays(NarrationDaysAhead) ? year - 1 : year,
            };
        }

        private static bool TryDate(int year, MonthName month, int day, out DateTime date)
        {
            if (month.Calendar == CalendarSystem.Hijri)
            {
                return HijriCalendars.TryToGregorian(year, month.Month, day, out date);
            }

            return TryGregorian(year, month.Month, day, out date);
        }

        private static bool TryGregorian(int year, int month, int day, out DateTime date)
        {
            date = default;
            if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            {
                return false;
            }

            date = new DateTime(year, month, day);
            return true;
        }

        private void Add(int first, int end, string value, DateGranularity granularity, bool relative, CalendarSystem calendar, DateKind kind, int skip = 0)
        {
            var span = _t.Span(first, end - 1, skip);
            hits.Add(new DateHit(first, end, new DateMention(span, value, granularity, relative, calendar, kind)));
        }
    }
}
