using System.Text.Json;
using Replete.Data;
using Replete.Documents;

namespace Replete.Training;

/// <summary>A training week document: the phase, body mass and planned sessions, from which daily carbohydrate and
/// protein targets follow (<see cref="PeriodizedTargets"/>).</summary>
/// <remarks>JSON (or YAML turned into JSON): <c>{"phase": "build", "body_mass_kg": 58, "sessions": [{"day": "mon",
/// "sport": "running", "minutes": 60, "intensity": "easy"}]}</c>. <c>phase</c> is base (the default), build, peak,
/// taper or off-season; <c>day</c> a weekday (two letters or more); <c>intensity</c> easy, moderate (the default) or
/// hard.</remarks>
/// <param name="Phase">The training phase.</param>
/// <param name="BodyMassKg">Body mass, kg, or null when the week does not say.</param>
/// <param name="Sessions">The planned sessions.</param>
public sealed record TrainingWeek(TrainingPhase Phase, double? BodyMassKg, IReadOnlyList<PlannedSession> Sessions)
{
    private static readonly string[] Fields = ["phase", "body_mass_kg", "sessions"];

    private static readonly string[] SessionFields = ["day", "sport", "minutes", "intensity"];

    /// <summary>Minutes in a day (24 x 60): the sessions of one weekday cannot add up to more.</summary>
    private const double MinutesInADay = 24 * 60;

    /// <summary>Reads a training week document.</summary>
    /// <returns>The week, or every problem found.</returns>
    public static InputResult<TrainingWeek> Read(JsonSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var reader = new DocumentReader(source);
        var root = source.Root;
        if (!reader.IsObject(root, "", "a training week is an object with 'phase', 'body_mass_kg' and 'sessions'"))
        {
            return InputResult.Failure<TrainingWeek>(reader.Problems);
        }

        reader.OnlyFields(root, null, Fields);
        var phaseText = reader.Text(root, "phase", null) ?? "base";
        var phase = ParsePhase(phaseText);
        if (phase is null)
        {
            reader.AddAt(root, "phase", null, InputProblemCodes.UnknownValue, $"must be base, build, peak, taper or off-season (got '{DocumentReader.Shorten(phaseText)}')");
        }

        var mass = reader.Number(root, "body_mass_kg", null, InputLimits.AthleteBodyMassKg);
        var sessions = new List<PlannedSession>();
        if (!DocumentReader.Has(root, "sessions", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            reader.AddAt(root, "sessions", null, InputProblemCodes.Required, "must be a list of sessions");
        }
        else
        {
            var index = 0;
            var minutesByDay = new Dictionary<DayOfWeek, double>();
            foreach (var item in list.EnumerateArray())
            {
                if (Session(reader, item, $"sessions[{index++}]") is { } session)
                {
                    sessions.Add(session);
                    // A plain physical limit: a day has 24 x 60 = 1,440 minutes, so the sessions of one weekday cannot
                    // add up to more. The session that passes it is named.
                    minutesByDay[session.Day] = minutesByDay.GetValueOrDefault(session.Day) + session.Minutes;
                    if (minutesByDay[session.Day] > MinutesInADay && minutesByDay[session.Day] - session.Minutes <= MinutesInADay)
                    {
                        reader.AddAt(item, "minutes", $"sessions[{index - 1}]", InputProblemCodes.OutOfRange,
                            string.Create(System.Globalization.CultureInfo.InvariantCulture,
                                $"the sessions on {session.Day} add up to more than the {MinutesInADay:0} minutes in a day; check the minutes and the day"));
                    }
                }
            }
        }

        return InputResult.From(phase is { } p ? new TrainingWeek(p, mass, sessions) : null, reader.Problems);
    }

    /// <summary>The daily targets for a person of <paramref name="bodyMassKg"/> (the week's own when null).</summary>
    /// <returns>The targets, or the problem: no body mass, or one outside <see cref="InputLimits.AthleteBodyMassKg"/>.</returns>
    public InputResult<PeriodizedTargets> Targets(double? bodyMassKg = null)
    {
        var mass = bodyMassKg ?? BodyMassKg;
        if (mass is null)
        {
            return InputResult.Failure<PeriodizedTargets>([new InputProblem("", null, "body_mass_kg", InputProblemCodes.Required, "body mass is needed: add \"body_mass_kg\" to the week, or give it")]);
        }

        return InputLimits.AthleteBodyMassKg.Check(mass.Value) is { } problem
            ? InputResult.Failure<PeriodizedTargets>([new InputProblem("", null, "body_mass_kg", InputProblemCodes.OutOfRange, problem)])
            : InputResult.Success(PeriodizedTargets.For(Phase, Sessions, mass.Value));
    }

    /// <summary>"base", "build", "peak", "taper", "off-season" (or "offseason", "off_season"), any case.</summary>
    public static TrainingPhase? ParsePhase(string text) =>
        text?.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Trim().ToUpperInvariant() switch
        {
            "BASE" => TrainingPhase.Base,
            "BUILD" => TrainingPhase.Build,
            "PEAK" => TrainingPhase.Peak,
            "TAPER" => TrainingPhase.Taper,
            "OFFSEASON" => TrainingPhase.OffSeason,
            _ => null,
        };

    private static PlannedSession? Session(DocumentReader reader, JsonElement item, string path)
    {
        if (!reader.IsObject(item, path, "each session is an object with 'day', 'sport', 'minutes' and 'intensity'"))
        {
            return null;
        }

        reader.OnlyFields(item, path, SessionFields);
        var before = reader.Count;
        DayOfWeek? day = null;
        var dayText = reader.Text(item, "day", path);
        if (dayText is null)
        {
            reader.AddAt(item, "day", path, InputProblemCodes.Required, "is required");
        }
        else if (dayText.Trim().Length < 2 || !Enum.GetValues<DayOfWeek>().Any(d => d.ToString().StartsWith(dayText.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            reader.AddAt(item, "day", path, InputProblemCodes.UnknownValue, $"must be a weekday such as 'mon' (got '{DocumentReader.Shorten(dayText)}')");
        }
        else
        {
            day = Enum.GetValues<DayOfWeek>().First(d => d.ToString().StartsWith(dayText.Trim(), StringComparison.OrdinalIgnoreCase));
        }

        var sport = reader.Text(item, "sport", path);
        if (sport is null)
        {
            reader.AddAt(item, "sport", path, InputProblemCodes.Required, "is required");
        }
        else if (!References.Sports.TryGet(sport, out var known))
        {
            reader.AddAt(item, "sport", path, InputProblemCodes.UnknownValue, $"unknown sport '{DocumentReader.Shorten(sport)}'");
        }
        else
        {
            sport = known.Id;
        }

        var minutes = reader.Number(item, "minutes", path, InputLimits.SessionMinutes);
        if (!DocumentReader.Has(item, "minutes", out _))
        {
            reader.AddAt(item, "minutes", path, InputProblemCodes.Required, "is required");
        }

        var intensityText = reader.Text(item, "intensity", path) ?? "moderate";
        var intensity = Intensities.Parse(intensityText);
        if (intensity is null)
        {
            reader.AddAt(item, "intensity", path, InputProblemCodes.UnknownValue, $"must be easy, moderate or hard (got '{DocumentReader.Shorten(intensityText)}')");
        }

        return reader.Count > before || day is null || sport is null || minutes is null || intensity is null
            ? null
            : new PlannedSession(day.Value, sport, minutes.Value, intensity.Value);
    }
}
