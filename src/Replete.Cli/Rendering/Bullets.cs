using Spectre.Console;

namespace Replete.Cli.Rendering;

/// <summary>Lines with a hanging indent sized to the console: a wrapped line starts under the text, not at the margin.</summary>
internal static class Bullets
{
    /// <summary>Writes <paramref name="markup"/> after <paramref name="mark"/> ("  -" by default, or a label such as
    /// "Next:"), wrapping under the text.</summary>
    public static void Write(IAnsiConsole console, string markup, string mark = "  -")
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(1)).AddColumn(new GridColumn().PadRight(0));
        console.Write(grid.AddRow(new Markup(mark), new Markup(markup)));
    }
}
