using System.CommandLine;
using System.Text.Json;
using Replete.Cli.Rendering;
using Replete.Training;

namespace Replete.Cli.Commands;

/// <summary><c>replete training week FILE</c>: daily carbohydrate and protein targets from a week of planned sessions.</summary>
/// <remarks>The plan file is JSON: {"phase": "build", "body_mass_kg": 58, "sessions": [{"day": "mon", "sport":
/// "running", "minutes": 60, "intensity": "easy"}, ...]}.</remarks>
internal static class TrainingCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<FileInfo>("plan") { Description = "Training week file (JSON)" };
        var weight = new Option<double?>("--weight-kg") { Description = "Body mass, kg (overrides the file)" };
        var json = new Option<bool>("--json") { Description = "Print JSON for scripts" };
        var week = new Command("week", "Daily carbohydrate and protein targets that follow a week of planned sessions") { file, weight, json };
        week.SetAction(parse =>
        {
            var (phase, sessions, fileMass) = ReadPlan(parse.GetValue(file)!.FullName);
            var mass = parse.GetValue(weight) ?? fileMass
                ?? throw new UsageException("body mass is needed: add \"body_mass_kg\" to the plan or pass --weight-kg");
            if (mass is < 20 or > 300)
            {
                throw new UsageException(FormattableString.Invariant($"body mass must be between 20 and 300 kg (got {mass})"));
            }

            return context.Emit(parse.GetValue(json), PeriodizedTargets.For(phase, sessions, mass), TrainingViews.RenderWeek);
        });
        return new Command("training", "Targets that follow the training plan") { week };
    }

    internal static (TrainingPhase Phase, List<PlannedSession> Sessions, double? BodyMassKg) ReadPlan(string path)
    {
        using var file = InputFile.Read(path);
        var root = file.Root;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new UsageException($"{file.At(root)}: a training week is a JSON object with 'phase', 'body_mass_kg' and 'sessions'");
        }

        var phaseText = ProfileFile.Text(file, root, "phase") ?? "base";
        var phase = phaseText.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToUpperInvariant() switch
        {
            "BASE" => TrainingPhase.Base,
            "BUILD" => TrainingPhase.Build,
            "PEAK" => TrainingPhase.Peak,
            "TAPER" => TrainingPhase.Taper,
            "OFFSEASON" => TrainingPhase.OffSeason,
            _ => throw new UsageException($"{file.At(root, "phase")}: field 'phase' must be base, build, peak, taper or off-season (got '{phaseText}')"),
        };
        if (!root.TryGetProperty("sessions", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            throw new UsageException($"{file.At(root, "sessions")}: field 'sessions' must be a list of sessions");
        }

        var sessions = new List<PlannedSession>();
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var parent = $"sessions[{index++}]";
            var where = $"{file.At(item)}: {parent}";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new UsageException($"{where}: each session is an object with 'day', 'sport', 'minutes' and 'intensity'");
            }

            var dayText = ProfileFile.Text(file, item, "day", parent) ?? throw new UsageException($"{where}: field 'day' is required");
            var day = Enum.GetValues<DayOfWeek>().FirstOrDefault(d => d.ToString().StartsWith(dayText.Trim(), StringComparison.OrdinalIgnoreCase), (DayOfWeek)(-1));
            if ((int)day < 0 || dayText.Trim().Length < 2)
            {
                throw new UsageException($"{where}: field 'day' must be a weekday such as 'mon' (got '{dayText}')");
            }

            var sport = ProfileFile.Text(file, item, "sport", parent) ?? throw new UsageException($"{where}: field 'sport' is required");
            if (!Replete.References.Sports.TryGet(sport, out _))
            {
                throw new UsageException($"{where}: field 'sport': unknown sport '{sport}'");
            }

            var minutes = ProfileFile.Number(file, item, "minutes", parent) ?? throw new UsageException($"{where}: field 'minutes' is required");
            if (minutes is <= 0 or > 1440)
            {
                throw new UsageException(FormattableString.Invariant($"{where}: field 'minutes' must be more than 0 and at most 1440 (got {minutes})"));
            }

            var intensity = SessionCommand.ParseIntensity(ProfileFile.Text(file, item, "intensity", parent) ?? "moderate");
            sessions.Add(new PlannedSession(day, sport, minutes, intensity));
        }

        return (phase, sessions, ProfileFile.Number(file, root, "body_mass_kg"));
    }
}
