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
}
