using System.Globalization;

namespace Replete.Cli.Rendering;

/// <summary>Number formatting for tables: invariant culture, no needless decimals.</summary>
internal static class Format
{
    public static string Amount(double? value) => value switch
    {
        null => "-",
        >= 100 => value.Value.ToString("#,0", CultureInfo.InvariantCulture),
        >= 10 => value.Value.ToString("0.#", CultureInfo.InvariantCulture),
        _ => value.Value.ToString("0.##", CultureInfo.InvariantCulture),
    };

    public static string Range(double? low, double? high) => (low, high) switch
    {
        (null, _) => "-",
        (_, null) => $">= {Amount(low)}",
        _ => $"{Amount(low)}-{Amount(high)}",
    };

    public static string Percent(double? p) => p is { } v ? v.ToString("P0", CultureInfo.InvariantCulture) : "-";

    public static double? Round(double? value, int digits = 4) => value is { } v && double.IsFinite(v) ? Math.Round(v, digits) : null;

    /// <summary>Text from a person's files (a food-log line, a food name) made literal in markdown: HTML's &amp;, &lt; and
    /// &gt; as entities, so a viewer that renders HTML shows "&lt;img ...&gt;" as text and never runs it; markdown's
    /// punctuation (emphasis, links and images, table pipes, headings, code, strikethrough) escaped with a backslash; line breaks and control
    /// characters made visible, so a name cannot start a new block.</summary>
    public static string MarkdownText(string? text)
    {
        var visible = TerminalSafeWriter.Visible((text ?? "").Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' '));
        var escaped = new System.Text.StringBuilder(visible.Length + 8);
        foreach (var c in visible)
        {
            _ = c switch
            {
                '&' => escaped.Append("&amp;"),
                '<' => escaped.Append("&lt;"),
                '>' => escaped.Append("&gt;"),
                '\\' or '`' or '*' or '_' or '[' or ']' or '#' or '|' or '~' => escaped.Append('\\').Append(c),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }
}
