using Replete.Cli.Rendering;
using Spectre.Console;

namespace Replete.Cli;

/// <summary>Where a command writes: the console for tables, plain writers for JSON and errors.</summary>
internal sealed record CliContext(IAnsiConsole Console, TextWriter Output, TextWriter Error)
{
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
}
