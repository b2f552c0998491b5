namespace ExtractRpc.Engine.Lexicon;

/// <summary>The calendar a month name belongs to.</summary>
public enum CalendarSystem : byte
{
    /// <summary>Gregorian.</summary>
    Gregorian,
    /// <summary>Hijri (Islamic lunar).</summary>
    Hijri,
}

internal readonly record struct MonthName(int Month, CalendarSystem Calendar);

[Flags]
internal enum OrdinalRoles : byte
{
    None = 0,
    Unit = 1,
    UnitCompound = 2,
    Teen = 4,
    Tens = 8,
    Bare = 16,
}

internal readonly record struct OrdinalWord(int Value, OrdinalRoles Roles);

internal enum NumberRole : byte
{
    Cardinal,
    Tens,
    Big,
    Few,
}

internal readonly record struct NumberWord(int Value, NumberRole Role);

internal enum TimeUnit : byte
{
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
    Decade,
    Century,
}

internal readonly record struct UnitWord(TimeUnit Unit, int Count);

internal enum RelativeKind : byte
{
    DayOffset,
    Direction,
    PeriodPart,
    BeforeAfter,
    PeriodNoun,
}

internal readonly record struct RelativeWord(RelativeKind Kind, int Value, TimeUnit Unit, PeriodPart Part);

internal enum PeriodPart : byte
{
    None,
    Start,
    Middle,
    End,
}

internal readonly record struct HolidayName(string Id, CalendarSystem Calendar, int Month, int Day, int LengthDays);

internal readonly record struct DayPart(string Kind, int Hour);

internal readonly record struct SpeechVerb(string Lemma, bool Direct, bool Relay = false);

internal enum CueKind : byte
{
    AccordingTo,
    Manner,
    Channel,
    Complementizer,
    Continuation,
}

internal readonly record struct CuePhrase(CueKind Kind, bool TrailingLam);
