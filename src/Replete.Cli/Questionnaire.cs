using Replete.Cli.Rendering;
using System.Globalization;
using Replete.Assessment;
using Replete.Documents;
using Replete.Knowledge;
using Replete.References;
using Spectre.Console;

namespace Replete.Cli;

/// <summary>The interactive assessment (<c>replete assess --interactive</c>): red flags first, then only the
/// questions that matter for what the person reports.</summary>
internal static class Questionnaire
{
    public static AssessmentInput Ask(IAnsiConsole console)
    {
        var kb = KnowledgeBase.Default;
        console.MarkupLine("[bold]Replete recovery check[/] [grey](decision support, not a diagnosis)[/]");
        var flags = console.Prompt(new MultiSelectionPrompt<RedFlag>()
            .Title("First, does any of these apply [bold]now[/]? (space to mark, enter when done)")
            .NotRequired()
            .UseConverter(f => Shown.Markup(f.Label))
            .AddChoices(kb.RedFlags));
        var age = console.Prompt(new TextPrompt<double>("Age in years?").Validate(a => a >= 1 && InputLimits.AgeYears.Contains(a)));
        var sex = console.Prompt(new SelectionPrompt<string>().Title("Sex?").AddChoices("female", "male")) == "female" ? Sex.Female : Sex.Male;
        var person = new Person(age, sex);
        var flagIds = flags.Select(f => f.FlagId).ToList();
        if (kb.Triage(flagIds) == TriageLevel.Emergency)
        {
            // Nothing else matters now: the report will say to get emergency care.
            return new AssessmentInput(person, [], [], flagIds, []);
        }

        var symptoms = console.Prompt(new MultiSelectionPrompt<(string Id, string Label)>()
            .Title("Which of these do you have?")
            .NotRequired()
            .PageSize(15)
            .UseConverter(s => Shown.Markup(s.Label))
            .AddChoices(kb.Symptoms.Select(s => (Id: s.SymptomId, s.Label)).Concat(kb.Terms.Where(t => t.Kind == KnowledgeIdKind.Symptom).Select(t => (t.Id, t.Label))).Distinct()));
        var implicated = kb.Symptoms.Where(s => symptoms.Any(c => c.Id == s.SymptomId)).Select(s => s.Nutrient).ToHashSet();

        // Ask about the risk factors and tests that bear on the nutrients the symptoms point to, and always about
        // those a red-flag rule uses (a statin, a tick bite, a long event), so no flag is missed for not being asked.
        var flagged = kb.RedFlagRules.SelectMany(r => r.When).Where(c => c.StartsWith("risk:", StringComparison.Ordinal)).Select(c => c[5..]).ToHashSet(StringComparer.Ordinal);
        var risks = kb.RiskFactors.Where(r => implicated.Count == 0 || implicated.Contains(r.Nutrient) || flagged.Contains(r.RiskId)).Select(r => (Id: r.RiskId, r.Label))
            .Concat(kb.Terms.Where(t => t.Kind == KnowledgeIdKind.RiskFactor).Select(t => (t.Id, t.Label))).Distinct().ToList();
        var chosenRisks = risks.Count == 0 ? [] : console.Prompt(new MultiSelectionPrompt<(string Id, string Label)>()
            .Title("Which of these apply to you?")
            .NotRequired()
            .PageSize(15)
            .UseConverter(r => Shown.Markup(r.Label))
            .AddChoices(risks));
        var labs = new List<LabInput>();
        var tests = LabReading.Known.Where(k => k.Nutrient.Length > 0 && (implicated.Count == 0 || implicated.Contains(k.Nutrient))).ToList();
        while (tests.Count > 0 && console.Confirm(labs.Count == 0 ? "Do you have a recent lab result for any of these nutrients?" : "Another lab result?", defaultValue: false))
        {
            var test = console.Prompt(new SelectionPrompt<(string Biomarker, string Nutrient, IReadOnlyList<string> Units)>()
                .Title("Which test?")
                .UseConverter(t => Shown.Markup($"{t.Biomarker.Replace('_', ' ')} ({t.Nutrient.Replace('_', ' ')})"))
                .AddChoices(tests));
            var value = console.Prompt(new TextPrompt<double>("Value?").Validate(v => v > 0));
            var unit = console.Prompt(new SelectionPrompt<string>().Title("Unit (as on the report)?").AddChoices(test.Units));
            var lab = new LabInput(test.Biomarker, value, unit);
            if (LabReading.Check(lab, sex, age) is { IsUnitQuestion: true } question)
            {
                console.MarkupLine($"[yellow]{Shown.Markup(question.Message.Split(": check the unit")[0])}.[/]");
                if (!console.Confirm(string.Create(CultureInfo.InvariantCulture, $"Is {value} {unit} what the report says?"), defaultValue: false))
                {
                    continue;
                }

                lab = lab with { Confirmed = true };
            }

            if (LabReading.Check(lab, sex, age) is { } problem)
            {
                console.MarkupLine($"[red]{Shown.Markup(problem.Message)}[/]");
                continue;
            }

            labs.Add(lab);
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[grey]noted: {test.Biomarker} {value} {unit}[/]"));
        }

        return new AssessmentInput(person, [.. symptoms.Select(s => s.Id)], [.. chosenRisks.Select(r => r.Id)], flagIds, labs)
        {
            Sample = AskSample(console, labs),
            History = AskHistory(console, symptoms.Select(s => s.Id).ToHashSet(StringComparer.Ordinal)),
        };
    }

    /// <summary>The numbers the red-flag rules need, asked only when a symptom calls for them: months without a period
    /// (three or more needs a doctor) and falls in the past year.</summary>
    private static History AskHistory(IAnsiConsole console, HashSet<string> symptoms)
    {
        var history = History.None;
        if (symptoms.Contains("missed_periods"))
        {
            history = history with
            {
                MonthsWithoutPeriod = console.Prompt(new TextPrompt<double>("How many months since your last period?").Validate(InputLimits.MonthsWithoutPeriod.Contains)),
            };
        }

        if (symptoms.Contains("falls"))
        {
            history = history with { FallsPastYear = console.Prompt(new TextPrompt<double>("How many falls in the past 12 months?").Validate(InputLimits.FallsPerYear.Contains)) };
        }

        return history;
    }

    /// <summary>Only the sampling questions the entered labs depend on (data/lab_confounders.csv): CRP for ferritin and
    /// zinc, hard training for ferritin, time and fasting for zinc, month and hemisphere for vitamin D.</summary>
    private static LabSample AskSample(IAnsiConsole console, List<LabInput> labs)
    {
        bool Has(string biomarker) => labs.Any(l => l.Biomarker.StartsWith(biomarker, StringComparison.Ordinal));
        var sample = LabSample.Unknown;
        if ((Has("ferritin") || Has("zinc")) && console.Confirm("Was CRP measured in the same blood draw?", defaultValue: false))
        {
            labs.Add(new LabInput("crp", console.Prompt(new TextPrompt<double>("CRP in mg/L?")
                .Validate(v => LabReading.Check(new LabInput("crp", v, "mg/L"), Sex.Female) is not { } problem ? ValidationResult.Success() : ValidationResult.Error(Shown.Markup(problem.Message)))), "mg/L"));
        }

        if (Has("ferritin"))
        {
            sample = sample with { AfterHardTraining = console.Confirm("Was the blood taken the day after a race or hard session, or sooner?", defaultValue: false) };
        }

        if (Has("zinc"))
        {
            var time = console.Prompt(new SelectionPrompt<string>().Title("When was the blood taken?").AddChoices("morning", "afternoon", "don't know"));
            sample = sample with
            {
                Time = time switch { "morning" => SampleTime.Morning, "afternoon" => SampleTime.Afternoon, _ => null },
                Fasting = time == "morning" ? console.Confirm("Fasting (nothing eaten that morning)?") : null,
            };
        }

        if (Has("vitamin_d"))
        {
            var month = console.Prompt(new SelectionPrompt<string>().Title("In which month was the blood taken?")
                .AddChoices(CultureInfo.InvariantCulture.DateTimeFormat.MonthNames.Where(m => m.Length > 0)));
            var where = console.Prompt(new SelectionPrompt<string>().Title("Where do you live?")
                .AddChoices("north of 35 degrees N (most of Europe, North America, Japan)", "between 35 N and 35 S", "south of 35 degrees S"));
            var number = Array.IndexOf(CultureInfo.InvariantCulture.DateTimeFormat.MonthNames, month) + 1;
            // The seasonal model needs the month, the hemisphere, and whether winter matters (35 degrees or more,
            // LabConfounders.WinterLatitude); the day and the latitude below stand for those answers.
            double latitude = where.StartsWith("north", StringComparison.Ordinal) ? 45 : where.StartsWith("south", StringComparison.Ordinal) ? -45 : 0;
            sample = sample with { Drawn = new DateOnly(DateTime.Today.Year, number, 15), Latitude = latitude };
        }

        return sample;
    }
}
