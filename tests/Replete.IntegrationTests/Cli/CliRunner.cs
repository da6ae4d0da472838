using Replete.Cli;
using Spectre.Console;

namespace Replete.IntegrationTests.Cli;

/// <summary>Runs the real <c>replete</c> command tree in-process and captures what it prints.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error);

public static class CliRunner
{
    /// <summary>The day the commands judge a lab result's age on: pinned, so that the README example (drawn 2026-10-06)
    /// reads the same in every run rather than going out of its retest interval as the days pass (LabCurrency).</summary>
    public static DateOnly Today { get; } = new(2026, 12, 2);

    public static CliResult Run(params string[] args)
    {
        var table = new StringWriter();
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(table),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 160;
        var progress = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(error), Interactive = InteractionSupport.No });
        var code = RepleteApp.Run(args, console, output, error, progress, Today);
        return new CliResult(code, table + output.ToString(), error.ToString());
    }
}
