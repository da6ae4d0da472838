using Spectre.Console;

namespace Replete.Cli.Rendering;

/// <summary>Pieces that size to the console: lines with a hanging indent, and number columns that never wrap.</summary>
internal static class Layout
{
    /// <summary>Writes <paramref name="markup"/> after <paramref name="mark"/> ("  -" by default, or a label such as
    /// "Next:"), wrapping under the text rather than at the margin.</summary>
    public static void Bullet(IAnsiConsole console, string markup, string mark = "  -")
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(1)).AddColumn(new GridColumn().PadRight(0));
        console.Write(grid.AddRow(new Markup(mark), new Markup(markup)));
    }

    /// <summary>A right-aligned column for numbers that never wraps, so a figure, its unit and its header stay whole.</summary>
    public static TableColumn Number(string header) => new TableColumn(header).RightAligned().NoWrap();
}
