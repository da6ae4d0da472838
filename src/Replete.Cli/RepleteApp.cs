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
        new("Replete: find the micronutrient that limits an athlete's recovery, and plan the fix. Decision support, not a diagnosis.")
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
        };

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

    public static int Run(string[] args, IAnsiConsole console, TextWriter output, TextWriter error, IAnsiConsole progress)
    {
        // Plain-text streams echo what people's files hold: control characters are shown, never sent to the terminal.
        output = new TerminalSafeWriter(output);
        error = new TerminalSafeWriter(error);
        using var context = new CliContext(new WrappingConsole(console), output, error, progress);
        var root = CreateRoot(context);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                error.WriteLine($"error: {Shorten(parseError.Message)}");
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
            foreach (var flag in ex is InputException leading ? leading.Problems.Where(p => p.Code == InputProblemCodes.RedFlagReported).Select(p => p.ToString()).Distinct(StringComparer.Ordinal) : [])
            {
                error.WriteLine(Shorten(flag));
            }

            foreach (var line in lines)
            {
                error.WriteLine($"error: {Shorten(line)}");
            }

            return BadInput;
        }
    }

    /// <summary>At most 50 problems, then how many more (Replete's choice: a file that repeats one mistake ten thousand
    /// times needs its first lines, not a screenful for each).</summary>
    private static IEnumerable<string> Bounded(List<string> problems) =>
        problems.Take(50).Concat(problems.Count > 50 ? [$"... and {problems.Count - 50:N0} more problems"] : Enumerable.Empty<string>());

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
