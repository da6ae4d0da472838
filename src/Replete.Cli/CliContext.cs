using Replete.Cli.Rendering;
using Spectre.Console;

namespace Replete.Cli;

/// <summary>Where a command writes: the console for tables, plain writers for JSON and errors, and a console on the
/// error stream for progress (so <c>--json</c> output stays clean).</summary>
internal sealed record CliContext(IAnsiConsole Console, TextWriter Output, TextWriter Error, IAnsiConsole ProgressConsole) : IDisposable
{
    private CommandFoods? foods;

    /// <summary>The day a command judges dated input on (a lab result's age): today in UTC.</summary>
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>The command's food database, opened once and closed with the context.</summary>
    public CommandFoods Foods => foods ??= new CommandFoods(this);

    /// <summary>Closes the command's food database.</summary>
    public void Dispose() => foods?.Dispose();

    /// <summary>Writes a result as JSON (<c>--json</c>) or renders it for a person; returns exit code 0.</summary>
    public int Emit<T>(bool json, T value, Action<IAnsiConsole, T> render)
    {
        ArgumentNullException.ThrowIfNull(render);
        if (json)
        {
            Json.Write(Output, value);
        }
        else
        {
            render(Console, value);
        }

        return 0;
    }

    /// <summary>Writes a report in the <c>--format</c> asked for: json, markdown, html, or a table for a person
    /// (anything else); returns exit code 0.</summary>
    public int Report<T>(string? format, T value, Action<IAnsiConsole, T> render, Func<T, string> markdown, Func<T, string> html)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(html);
        switch (format)
        {
            case "markdown":
                Output.Write(markdown(value));
                return 0;
            case "html":
                Output.Write(html(value));
                return 0;
            default:
                return Emit(format == "json", value, render);
        }
    }

    /// <summary>Runs long work with a progress bar on the error stream; <paramref name="work"/> reports (percent, what).</summary>
    public T WithProgress<T>(string title, Func<Action<double, string>, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return ProgressConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(progress =>
            {
                var task = progress.AddTask(title, maxValue: 100);
                var result = work((percent, what) =>
                {
                    task.Description = $"{title}: {what}";
                    task.Value = percent;
                });
                task.Value = 100;
                return result;
            });
    }
}
