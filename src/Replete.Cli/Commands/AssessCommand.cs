using System.CommandLine;
using System.Text.Json;
using Replete.Assessment;
using Replete.Cli.Rendering;

namespace Replete.Cli.Commands;

/// <summary><c>replete assess FILE</c>: which nutrient is holding recovery back, red flags first.</summary>
internal static class AssessCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<FileInfo>("file") { Description = "Assessment JSON: profile, symptoms, risk_factors, red_flags, labs" };
        var format = new Option<string>("--format") { Description = "table, markdown or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "markdown", "json");
        var fhir = new Option<FileInfo[]>("--fhir") { Description = "Lab results as FHIR R4 Observation or Bundle JSON (LOINC, UCUM), added to the file's labs", AllowMultipleArgumentsPerToken = true };
        var command = new Command("assess", "Rank the likely recovery bottlenecks from symptoms, risk factors and labs; red flags first. Decision support, not a diagnosis") { file, format, fhir };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!.FullName;
            var input = Read(path);
            foreach (var bundle in parse.GetValue(fhir) ?? [])
            {
                if (!bundle.Exists)
                {
                    throw new UsageException($"--fhir: {bundle.Name}: no such file");
                }

                Storage.Labs.FhirLabFile labs;
                try
                {
                    labs = Storage.Labs.FhirLabs.Read(File.ReadAllText(bundle.FullName), bundle.Name);
                }
                catch (FormatException ex)
                {
                    throw new UsageException(ex.Message);
                }

                input = input with { Labs = [.. input.Labs, .. labs.Labs.Select(l => l.Input)] };
                foreach (var skipped in labs.Skipped)
                {
                    context.Error.WriteLine($"note: {skipped}");
                }

                foreach (var lab in labs.Labs.Where(l => l.UnitFromText))
                {
                    context.Error.WriteLine($"note: {bundle.Name}: {lab.Display} has no UCUM code; read its unit text '{lab.Input.Unit}'");
                }
            }

            RecoveryAssessment result;
            try
            {
                result = RecoveryAssessor.Assess(input);
            }
            catch (ArgumentException ex)
            {
                throw new UsageException($"{Path.GetFileName(path)}: {ex.Message}");
            }

            switch (parse.GetValue(format))
            {
                case "json":
                    return context.Emit(true, result, AssessmentViews.Render);
                case "markdown":
                    context.Output.Write(AssessmentViews.Markdown(result));
                    return 0;
                default:
                    return context.Emit(false, result, AssessmentViews.Render);
            }
        });
        return command;
    }

    private static AssessmentInput Read(string path)
    {
        using var document = ProfileFile.ParseJson(path);
        var root = document.RootElement;
        var name = Path.GetFileName(path);
        if (!root.TryGetProperty("profile", out var profile) || profile.ValueKind != JsonValueKind.Object)
        {
            throw new UsageException($"{name}: needs a \"profile\" object (age, sex, ...)");
        }

        var person = new ProfileFile(ProfileFile.Number(name, profile, "age"), ProfileFile.Text(name, profile, "sex"), false, false,
            ProfileFile.Number(name, profile, "body_mass_kg"), ProfileFile.Text(name, profile, "sport"), ProfileFile.Number(name, profile, "training_hours_per_week"),
            ProfileFile.Text(name, profile, "diet"), null, null).ToPerson(name);
        string[] Ids(string field) => root.TryGetProperty(field, out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new UsageException($"{name}: {field} holds ids as text"))]
            : [];
        var labs = new List<LabInput>();
        if (root.TryGetProperty("labs", out var labList) && labList.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var lab in labList.EnumerateArray())
            {
                index++;
                var biomarker = ProfileFile.Text(name, lab, "biomarker") ?? throw new UsageException($"{name}: labs[{index}] needs \"biomarker\"");
                var value = ProfileFile.Number(name, lab, "value") ?? throw new UsageException($"{name}: labs[{index}] ({biomarker}) needs a numeric \"value\"");
                labs.Add(new LabInput(biomarker, value, ProfileFile.Text(name, lab, "unit")));
            }
        }

        return new AssessmentInput(person, Ids("symptoms"), Ids("risk_factors"), Ids("red_flags"), labs);
    }
}
