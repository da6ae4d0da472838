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
        };

    public static int Run(string[] args, IAnsiConsole console, TextWriter output, TextWriter error, IAnsiConsole progress)
    {
        // Plain-text streams echo what people's files hold: control characters are shown, never sent to the terminal.
        output = new TerminalSafeWriter(output);
        error = new TerminalSafeWriter(error);
        var root = CreateRoot(new CliContext(console, output, error, progress));
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                error.WriteLine($"error: {parseError.Message}");
            }

            error.WriteLine("Run 'replete --help' for usage.");
            return BadInput;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException ex)
        {
            error.WriteLine($"error: {ex.Message}");
            return BadInput;
        }
        catch (CsvDataException ex)
        {
            error.WriteLine($"error: {ex.Message} Nothing was changed.");
            return BadInput;
        }
        catch (InputException ex)
        {
            foreach (var problem in ex.Problems)
            {
                error.WriteLine($"error: {problem}");
            }

            return BadInput;
        }
        catch (Sr28.Sr28PackageException ex)
        {
            error.WriteLine($"error: {ex.Message}");
            return BadInput;
        }
        catch (FoodDatabaseException ex)
        {
            error.WriteLine($"error: {ex.Message}");
            return BadInput;
        }
        catch (UnauthorizedAccessException ex)
        {
            // A file or folder the person named that cannot be opened (permissions): the message names the path.
            error.WriteLine($"error: {ex.Message} Check its permissions.");
            return BadInput;
        }
        catch (IOException ex)
        {
            // A missing or dangling path, a directory given as a file, a chart path in a missing folder.
            error.WriteLine($"error: {ex.Message}");
            return BadInput;
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex) when (ex.SqliteErrorCode is 5 or 6)
        {
            error.WriteLine("error: the food database is in use by another replete command (an import?); try again when it finishes. Nothing was changed.");
            return BadInput;
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            error.WriteLine($"error: the food database cannot be read ({ex.Message.Split('\n')[0]}). Rebuild it with 'replete foods init' (with the same --data-dir, if you use one).");
            return BadInput;
        }
    }
}
