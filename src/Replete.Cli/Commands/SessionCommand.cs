using System.CommandLine;
using Replete.Cli.Rendering;
using Replete.References;
using Replete.Training;

namespace Replete.Cli.Commands;

/// <summary><c>replete session plan</c>: fluid, electrolytes and carbohydrate before, during and after a session.</summary>
internal static class SessionCommand
{
    public static Command Create(CliContext context)
    {
        var sport = new Option<string>("--sport") { Description = "Sport id, such as running or cycling", Required = true };
        var minutes = new Option<double?>("--minutes") { Description = "Planned duration, minutes", Required = true };
        var intensity = new Option<string>("--intensity") { Description = "easy, moderate or hard", DefaultValueFactory = _ => "moderate" };
        var temp = new Option<double?>("--temp-c") { Description = "Expected temperature, °C" };
        var profile = new Option<FileInfo?>("--profile") { Description = "Profile file (JSON) with body mass and sweat test results" };
        var weight = new Option<double?>("--weight-kg") { Description = "Body mass, kg (overrides the profile)" };
        var sweatRate = new Option<double?>("--sweat-rate-l-h") { Description = "Measured sweat rate, L/h (overrides the profile)" };
        var sodium = new Option<double?>("--sweat-sodium-mmol-l") { Description = "Measured sweat sodium, mmol/L" };
        var next = new Option<double?>("--next-session-in-h") { Description = "Hours until the next session" };
        var json = new Option<bool>("--json") { Description = "Print JSON for scripts" };
        var plan = new Command("plan", "Plan fluid, sodium and carbohydrate around one session");
        foreach (var option in new Option[] { sport, minutes, intensity, temp, profile, weight, sweatRate, sodium, next, json })
        {
            plan.Options.Add(option);
        }

        plan.SetAction(parse =>
        {
            var athlete = parse.GetValue(profile) is { } file ? InputFile.Read(file.FullName, Profile.Read, file.ToString()) : Profile.Empty;
            var request = new SessionRequest(
                parse.GetValue(sport)!,
                parse.GetValue(minutes)!.Value,
                Intensities.Parse(parse.GetValue(intensity)!) ?? throw new UsageException($"--intensity must be easy, moderate or hard (got '{parse.GetValue(intensity)}')"),
                parse.GetValue(temp),
                parse.GetValue(weight) ?? athlete.BodyMassKg,
                parse.GetValue(sweatRate) ?? athlete.SweatRateLitresPerHour,
                parse.GetValue(sodium) ?? athlete.SweatSodiumMmolPerLitre,
                parse.GetValue(next));
            if (request.Validate() is { Count: > 0 } problems)
            {
                // Values not given as options came from the profile: name it, so the person knows which file to fix.
                var from = parse.GetValue(profile) is { } named ? $" (body mass, sweat rate and sweat sodium not given as options come from {named.Name})" : "";
                throw new UsageException(string.Join("; ", problems) + from);
            }

            return context.Emit(parse.GetValue(json), SessionPlanner.Plan(request), TrainingViews.RenderSession);
        });
        return new Command("session", "Plans around a training session") { plan };
    }
}
