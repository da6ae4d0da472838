using System.CommandLine;
using Replete.Cli.Commands;
using Replete.Data;
using Replete.Documents;
using Replete.Storage.Foods;
using Spectre.Console;

namespace Replete.Cli;

/// <summary>The <c>replete</c> command: builds the command tree and maps failures to exit codes.</summary>
internal static class RepleteApp
{
    /// <summary>Exit code for bad input: a usage error, an invalid value, an unreadable file.</summary>
    public const int BadInput = 2;

    /// <summary>The command tree, writing through <paramref name="context"/>.</summary>
    public static RootCommand CreateRoot(CliContext context) =>
        RefuseAmbiguousValues(new("Replete: find the micronutrient that limits an athlete's recovery, and plan the fix. Decision support, not a diagnosis.")
        {
            TargetsCommand.Create(context),
            AdequacyCommand.Create(context),
            SweatTestCommand.Create(context),
            SessionCommand.Create(context),
            TrainingCommand.Create(context),
            EnergyAvailabilityCommand.Create(context),
            FoodsCommand.Create(context),
            AnalyzeCommand.Create(context),
            AssessCommand.Create(context),
            PlanCommand.Create(context),
            ResidentCommand(context),
        });

    /// <summary>Adds to every date option a check that its value is written YYYY-MM-DD, and to every numeric option a
    /// check that its value has no comma. The parser reads numbers with the
    /// invariant culture, whose thousands separator is the comma: "--intake 1,5" was read as 15 where a person writing
    /// a decimal comma meant 1.5. A ten-fold error in a dose or a body mass is worse than asking for "1.5".</summary>
    private static RootCommand RefuseAmbiguousValues(RootCommand root)
    {
        static IEnumerable<Command> Commands(Command command) => [command, .. command.Subcommands.SelectMany(Commands)];
        Type[] numeric = [typeof(double), typeof(float), typeof(decimal), typeof(int), typeof(long), typeof(short)];
        foreach (var option in Commands(root).SelectMany(c => c.Options).Distinct())
        {
            var type = Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType;
            if (type == typeof(DateOnly))
            {
                // The parser takes any date the invariant culture reads: "11/03/2026" as 3 November (month first, where
                // most of the world means 11 March) and "2026-11-03T00:00". The help and the messages say YYYY-MM-DD.
                option.Validators.Add(result =>
                {
                    if (result.Tokens.FirstOrDefault(t => !DateOnly.TryParseExact(t.Value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _)) is { } token)
                    {
                        result.AddError($"{option.Name}: '{token.Value}' is not a date (write it as YYYY-MM-DD, such as 2026-11-02)");
                    }
                });
                continue;
            }

            if (!numeric.Contains(type))
            {
                continue;
            }

            option.Validators.Add(result =>
            {
                if (result.Tokens.FirstOrDefault(t => t.Value.Contains(',', StringComparison.Ordinal)) is { } token)
                {
                    result.AddError($"{option.Name}: '{token.Value}' has a comma; write a decimal with a point and no thousands separator (such as 1.5 or 1500)");
                }
            });
        }

        return root;
    }

    /// <summary><c>replete resident stop</c>: stops the background process that keeps Replete loaded between commands.</summary>
    private static Command ResidentCommand(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var stop = new Command("stop", "Stop it now (it also stops by itself after 10 minutes without a command)") { json };
        stop.SetAction(parse =>
        {
            var stopped = OperatingSystem.IsLinux() && Resident.Stop();
            return context.Emit(parse.GetValue(json), new System.Text.Json.Nodes.JsonObject { ["stopped"] = stopped },
                (console, _) => console.WriteLine(stopped ? "Stopped the resident replete." : "No resident replete was running."));
        });
        return new Command("resident", "The background process that keeps Replete loaded between commands on Linux, so they start fast (REPLETE_RESIDENT=off to never use it)") { stop };
    }

    /// <summary>Runs a command; <paramref name="today"/> is the day dated input is judged on (a lab result's age), today
    /// in UTC unless given (tests pin it, so that a report of a dated example does not change as the days pass).</summary>
    public static int Run(string[] args, IAnsiConsole console, TextWriter output, TextWriter error, IAnsiConsole progress, DateOnly? today = null)
    {
        // Plain-text streams echo what people's files hold: control characters are shown, never sent to the terminal.
        output = new TerminalSafeWriter(output);
        error = new TerminalSafeWriter(error);
        using var context = new CliContext(new WrappingConsole(console), output, error, progress) { Today = today ?? DateOnly.FromDateTime(DateTime.UtcNow) };
        var root = CreateRoot(context);
        var parse = root.Parse(args);
        // Every command offers --json: on a command whose output is chosen by --format (assess, plan, analyze), it is
        // --format json (new user h75: "assess --json" was refused as an unknown argument).
        if (parse.Errors.Count > 0 && parse.UnmatchedTokens.Contains("--json")
            && parse.CommandResult.Command.Options.Any(o => o.Name == "--format") && !parse.CommandResult.Command.Options.Any(o => o.Name == "--json"))
        {
            var separator = Array.IndexOf(args, "--");
            parse = root.Parse([.. args.Select((a, i) => a == "--json" && (separator < 0 || i < separator) ? "--format=json" : a)]);
        }

        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                error.WriteLine($"error: {Shorten(Plain(parseError.Message))}");
            }

            error.WriteLine("Run 'replete --help' for usage.");
            return BadInput;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (Describe(ex) is { } lines)
        {
            // A red flag the input reports leads as itself ("EMERGENCY: get medical care now ..."), not as an error: it
            // is the answer, and the problems after it are why the rest of the report could not be made.
            var flags = ex is InputException leading ? leading.Problems.Where(p => p.Code == InputProblemCodes.RedFlagReported).Select(p => p.ToString()).Distinct(StringComparer.Ordinal).ToList() : [];
            foreach (var flag in flags)
            {
                error.WriteLine(Shorten(flag));
            }

            // The red flag is the answer, so a report asked for as JSON, HTML or markdown (often redirected to a file) holds
            // it too, with the problems that stopped the rest: an empty plan.html would hide it.
            if (flags.Count > 0 && FormatAsked(parse) is "json" or "html" or "markdown")
            {
                WriteFlagReport(output, FormatAsked(parse)!, flags, [.. lines.Select(Shorten)]);
            }

            foreach (var line in lines)
            {
                error.WriteLine($"error: {Shorten(line)}");
            }

            return BadInput;
        }
    }

    /// <summary>Whether <paramref name="ex"/> came from writing to the console's own streams (standard output closed
    /// with "&gt;&amp;-" fails as access denied, a full disk as an I/O error), not from a file the person named.</summary>
    private static bool WritingConsole(Exception ex) => ex.StackTrace?.Contains("ConsolePal", StringComparison.Ordinal) == true;

    /// <summary>The <c>--format</c> the command was given, or null for a command without one.</summary>
    private static string? FormatAsked(ParseResult parse) =>
        parse.CommandResult.Command.Options.OfType<Option<string>>().FirstOrDefault(o => o.Name == "--format") is { } format
            ? parse.GetValue(format) : null;

    /// <summary>The reported red flag as the whole report in <paramref name="format"/> (json, html or markdown): the triage,
    /// the flag, and the problems that stopped the rest of the report.</summary>
    private static void WriteFlagReport(TextWriter output, string format, IReadOnlyList<string> flags, IReadOnlyList<string> problems)
    {
        var triage = Enum.GetValues<Knowledge.TriageLevel>().Where(t => flags.Any(f => f.StartsWith(Knowledge.TriageWording.Headline(t), StringComparison.Ordinal)))
            .DefaultIfEmpty(Knowledge.TriageLevel.Emergency).Max();
        var headline = Knowledge.TriageWording.Headline(triage);
        const string Rest = "The rest of the report could not be made:";
        // "HEADLINE (label: message). The rest ..." as the flag alone: "label: message".
        var stated = new List<string>(flags.Select(f => System.Text.RegularExpressions.Regex.Match(f, @"^[^(]*\((?<flag>.*)\)\. " + Rest + "$", System.Text.RegularExpressions.RegexOptions.Singleline) is { Success: true } m
            ? m.Groups["flag"].Value : f));
        switch (format)
        {
            case "json":
                Rendering.Json.Write(output, new System.Text.Json.Nodes.JsonObject
                {
                    ["triage"] = System.Text.Json.JsonSerializer.SerializeToNode(triage, Rendering.Json.Options),
                    ["headline"] = headline,
                    ["red_flags_reported"] = new System.Text.Json.Nodes.JsonArray([.. stated.Select(f => (System.Text.Json.Nodes.JsonNode?)f)]),
                    ["report_made"] = false,
                    ["why_no_report"] = new System.Text.Json.Nodes.JsonArray([.. problems.Select(p => (System.Text.Json.Nodes.JsonNode?)p)]),
                });
                break;
            case "html":
                static string Encode(string text) => System.Net.WebUtility.HtmlEncode(text);
                output.Write($"""
                    <!DOCTYPE html>
                    <html lang="en">
                    <head><meta charset="utf-8"><title>Replete: {Encode(headline)}</title></head>
                    <body>
                    <h1 role="alert">{Encode(headline)}</h1>
                    {string.Concat(stated.Select(f => $"<p><strong>{Encode(f)}</strong></p>\n"))}<p>{Rest}</p>
                    <ul>
                    {string.Concat(problems.Select(p => $"<li>{Encode(p)}</li>\n"))}</ul>
                    </body>
                    </html>

                    """);
                break;
            default:
                output.Write($"# {headline}\n\n{string.Concat(stated.Select(f => $"**{Rendering.Format.MarkdownText(f)}**\n\n"))}{Rest}\n\n{string.Concat(problems.Select(p => $"- {Rendering.Format.MarkdownText(p)}\n"))}");
                break;
        }
    }

    /// <summary>A parse error in words, without .NET type names: "Cannot parse argument '1e9' for option '--days' as
    /// expected type 'System.Int32'" becomes "--days: '1e9' is not a whole number".</summary>
    internal static string Plain(string message)
    {
        var match = System.Text.RegularExpressions.Regex.Match(message,
            @"^Cannot parse argument '(?<value>.*)' for (?<kind>option|command|argument) '(?<name>[^']*)' as expected type '(?<type>[^']*)'\.?$",
            System.Text.RegularExpressions.RegexOptions.Singleline);
        if (!match.Success)
        {
            return message;
        }

        var value = match.Groups["value"].Value;
        var type = match.Groups["type"].Value;
        var name = match.Groups["name"].Value;
        var expected = type switch
        {
            _ when name == "show" => "is not a food id (a whole number, as 'replete foods search' lists them)",
            _ when type.Contains("DateOnly", StringComparison.Ordinal) => "is not a date (write it as YYYY-MM-DD, such as 2026-11-02)",
            _ when type.Contains("Int", StringComparison.Ordinal) && name == "--days" => "is not a whole number of days (write it in digits, 1 or more, such as 7)",
            _ when type.Contains("Int", StringComparison.Ordinal) => "is not a whole number in range (write it in digits, such as 7)",
            _ when type.Contains("Double", StringComparison.Ordinal) || type.Contains("Decimal", StringComparison.Ordinal) => "is not a number (write it in digits, such as 12.5)",
            _ => "is not a value this option takes",
        };
        return $"{name}: '{value}' {expected}";
    }

    /// <summary>At most 50 problems, then how many more (Replete's choice: a file that repeats one mistake ten thousand
    /// times needs its first lines, not a screenful for each).</summary>
    // A document's reader lists at most InputProblem.MaximumListed problems and then says how many more it found: all
    // are shown.
    private static IEnumerable<string> Bounded(List<string> problems) =>
        problems.Take(InputProblem.MaximumListed + 1).Concat(problems.Count > InputProblem.MaximumListed + 1 ? [$"... and {problems.Count - InputProblem.MaximumListed - 1:N0} more problems"] : Enumerable.Empty<string>());

    /// <summary>Longest run of characters without a space an error line shows whole (Replete's choice: a path or a word
    /// from the command line is echoed in messages; a 100,000-character one would bury the message).</summary>
    private const int LongestShownWord = 300;

    /// <summary><paramref name="line"/> with every word longer than <see cref="LongestShownWord"/> shown by its start and
    /// end, so a file name at the end of a long path still shows.</summary>
    internal static string Shorten(string line) =>
        line.Length <= LongestShownWord ? line : string.Join(' ', line.Split(' ').Select(word => word.Length <= LongestShownWord
            ? word
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{word[..100]}...({word.Length:N0} characters)...{word[^100..]}")));

    /// <summary>What a person is told for a failure their input or their machine caused, one line per problem; null
    /// for anything else, which is a programming error and is not caught.</summary>
    private static IEnumerable<string>? Describe(Exception ex) => ex switch
    {
        CsvDataException csv => [$"{csv.Message} Nothing was changed."],
        InputException input => Bounded(input.Problems.Where(p => p.Code != InputProblemCodes.RedFlagReported).Select(p => p.ToString()).Distinct(StringComparer.Ordinal).ToList()),
        UsageException or Sr28.FoodPackageException or FoodDatabaseException => [ex.Message],
        // A zip entry that is encrypted, compressed in a way the BCL cannot read, or damaged (the message names both).
        InvalidDataException => [$"{ex.Message}. Nothing was changed."],
        // Standard output closed (">&-") or full: the report could not be written.
        UnauthorizedAccessException when WritingConsole(ex) => ["cannot write the report: standard output is closed or not writable"],
        IOException when WritingConsole(ex) => [$"cannot write the report to standard output: {ex.Message.TrimEnd('.')}"],
        // A file or folder the person named that cannot be opened (permissions): the message names the path.
        UnauthorizedAccessException => [$"{ex.Message} Check its permissions."],
        // A missing or dangling path, a directory given as a file, a chart path in a missing folder.
        IOException => [ex.Message],
        Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 } =>
            ["the food database is in use by another replete command (an import?); try again when it finishes. Nothing was changed."],
        Microsoft.Data.Sqlite.SqliteException sqlite =>
            [$"the food database cannot be read ({sqlite.Message.Split('\n')[0]}). Rebuild it with 'replete foods init' (with the same --data-dir, if you use one)."],
        _ => null,
    };
}
