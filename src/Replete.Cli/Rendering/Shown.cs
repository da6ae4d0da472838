namespace Replete.Cli.Rendering;

/// <summary>Text from a person's files or the food database, made safe for Spectre.Console markup: control and
/// bidirectional characters shown as <c>\u001B</c> (<see cref="TerminalSafeWriter.Visible"/>) and markup brackets
/// escaped, so a food named "[bold" or holding an escape sequence can neither break a table nor reach the terminal.</summary>
internal static class Shown
{
    public static string Markup(string? text) => Spectre.Console.Markup.Escape(TerminalSafeWriter.Visible(text ?? ""));
}
