namespace Replete.IntegrationTests.Cli;

public static partial class HostileCorpus
{
    /// <summary>A command line: the command words, its valid options, and the numeric and text options to attack, each
    /// with the words a refusal must use for it (the option, or its name in words).</summary>
    private sealed record CommandLine(string Command, string[] Words, (string Option, string Value)[] Valid, (string Option, string Names)[] Numbers, string[] Texts);

    private static readonly CommandLine[] Lines =
    [
        new("targets", ["targets"], [("--age", "30"), ("--sex", "female")],
            [("--age", "age"), ("--weight-kg", "mass|weight"), ("--training-hours-per-week", "training")], ["--sex", "--sport", "--protein-goal"]),
        new("adequacy", ["adequacy"], [("--nutrient", "iron"), ("--intake", "12"), ("--days", "3"), ("--age", "30"), ("--sex", "female")],
            [("--intake", "intake"), ("--days", "days"), ("--supplement", "supplement"), ("--age", "age"), ("--weight-kg", "mass|weight")], ["--nutrient", "--sex", "--sport"]),
        new("sweat-test", ["sweat-test"], [("--pre-kg", "75"), ("--post-kg", "74.5"), ("--drank-ml", "400"), ("--minutes", "60")],
            [("--pre-kg", "mass"), ("--post-kg", "mass"), ("--drank-ml", "drank|fluid|drunk"), ("--urine-ml", "urine"), ("--minutes", "duration|minutes"), ("--sweat-sodium-mmol-l", "sodium")], []),
        new("session plan", ["session", "plan"], [("--sport", "running"), ("--minutes", "90"), ("--intensity", "hard"), ("--temp-c", "25")],
            [("--minutes", "duration|minutes"), ("--temp-c", "temperature"), ("--weight-kg", "mass|weight"), ("--sweat-rate-l-h", "sweat rate"), ("--sweat-sodium-mmol-l", "sodium"), ("--next-session-in-h", "next session|hours")],
            ["--sport", "--intensity"]),
        new("training week", ["training", "week", Path.Combine(Examples, "runner-week.json")], [], [("--weight-kg", "mass|weight")], []),
        new("energy-availability", ["energy-availability"], [("--intake-kcal", "2000"), ("--exercise-kcal", "700"), ("--ffm-kg", "46")],
            [("--intake-kcal", "intake"), ("--exercise-kcal", "exercise"), ("--ffm-kg", "fat-free")], []),
        new("foods search", ["foods", "search", "banana"], [], [("--limit", "limit")], []),
        new("analyze", ["analyze", Path.Combine(Examples, "runner-food-log.csv")], [("--profile", Profile)], [], ["--from", "--to", "--format"]),
        new("assess", ["assess", Path.Combine(Examples, "runner-assessment.json")], [], [], ["--format"]),
    ];

    /// <summary>Numbers that are not finite or not plausible, and control characters, in every option.</summary>
    private static IEnumerable<HostileCase> Options()
    {
        var seed = 0;
        foreach (var line in Lines)
        {
            foreach (var (option, names) in line.Numbers)
            {
                seed++;
                foreach (var value in Pick(ImpossibleOptionNumbers, seed, 3))
                {
                    yield return OptionCase(line, option, value, HostileOutcome.Refused, [option + "|" + names]);
                }

                foreach (var value in Pick(OddOptionNumbers, seed, 2))
                {
                    yield return OptionCase(line, option, value, HostileOutcome.Either, [option + "|" + names + "|sweat rate"]);
                }

                foreach (var value in Pick(CommaOptionNumbers, seed, 1))
                {
                    yield return OptionCase(line, option, value, HostileOutcome.Refused, [option]);
                }
            }

            foreach (var option in line.Texts)
            {
                seed++;
                foreach (var (label, text) in Pick(Controls, seed, 3))
                {
                    yield return OptionCase(line, option, text, HostileOutcome.Refused, [], label);
                }

                yield return OptionCase(line, option, new string('x', 100_000), HostileOutcome.Refused, [], "100k-characters");
            }
        }

        // The body mass and fat pair of energy-availability, which only count together.
        foreach (var value in ImpossibleOptionNumbers)
        {
            yield return new HostileCase($"energy-availability --body-fat-percent {value}", "energy-availability", HostileOutcome.Refused, ["body fat|--body-fat-percent"], Nothing,
                _ => ["energy-availability", "--intake-kcal", "2000", "--exercise-kcal", "700", "--weight-kg", "58", "--body-fat-percent", value]);
        }

        // Pounds and ounces go through a conversion: an overflow there must still be caught.
        foreach (var (option, value) in new[] { ("--pre-lb", "1e308"), ("--post-lb", "NaN"), ("--drank-oz", "1e308"), ("--urine-oz", "Infinity") })
        {
            var bodyMass = option.EndsWith("lb", StringComparison.Ordinal);
            yield return new HostileCase($"sweat-test {option} {value}", "sweat-test", HostileOutcome.Refused, [option + "|mass|drank|fluid|urine|drunk"], Nothing,
                _ => bodyMass
                    ? ["sweat-test", "--pre-lb", option == "--pre-lb" ? value : "165", "--post-lb", option == "--post-lb" ? value : "164", "--minutes", "60"]
                    : ["sweat-test", "--pre-kg", "75", "--post-kg", "74.5", option, value, "--minutes", "60"]);
        }

        // Text for the food search: escapes are shown, a word the size of a book is not a crash.
        foreach (var (label, text) in Controls.Append(("100k-characters", new string('b', 100_000))).Append(("punctuation-only", "!!! ,,, ;;")).Append(("empty", "")))
        {
            yield return new HostileCase($"foods search text {label}", "foods search", HostileOutcome.Either, [], Nothing, _ => ["foods", "search", text]);
        }

        foreach (var id in new[] { "-1", "0", "2147483648", "99999999999999999999", "NaN", "1e3", Esc, "" })
        {
            yield return new HostileCase($"foods show id {Label(id)}", "foods show", HostileOutcome.Refused, [], Nothing, _ => ["foods", "show", id]);
        }
    }

    private static HostileCase OptionCase(CommandLine line, string option, string value, HostileOutcome expect, string[] names, string? label = null)
    {
        var args = new List<string>(line.Words);
        foreach (var (valid, validValue) in line.Valid.Where(v => v.Option != option))
        {
            args.Add(valid);
            args.Add(validValue);
        }

        args.Add(option);
        args.Add(value);
        string[] run = [.. args];
        return new HostileCase($"{line.Command} {option} {label ?? (value.Length == 0 ? "(empty)" : value)}", line.Command, expect, names, Nothing, _ => run);
    }
}
