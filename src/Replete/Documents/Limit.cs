using System.Globalization;

namespace Replete.Documents;

/// <summary>The range a value must fall in to be believed, with why that range (a source, or "Replete's choice").</summary>
/// <param name="Name">What the value is, in words ("body mass").</param>
/// <param name="Minimum">The lowest value accepted.</param>
/// <param name="Maximum">The highest value accepted.</param>
/// <param name="Unit">The unit, as written after a number ("kg"), or "" for a count.</param>
/// <param name="Basis">Why this range: the source, or "Replete's choice" with the reason.</param>
public sealed record Limit(string Name, double Minimum, double Maximum, string Unit, string Basis)
{
    /// <summary>Whether <see cref="Minimum"/> itself is refused (a duration must be more than 0).</summary>
    public bool MinimumExclusive { get; init; }

    /// <summary>Whether <paramref name="value"/> is finite and inside the range.</summary>
    public bool Contains(double value) =>
        double.IsFinite(value) && (MinimumExclusive ? value > Minimum : value >= Minimum) && value <= Maximum;

    /// <summary>Null when <paramref name="value"/> is inside, else the message "body mass must be between 2 and 400 kg
    /// (got 1)".</summary>
    public string? Check(double value) => Contains(value) ? null : Describe(value);

    /// <summary>"body mass must be between 2 and 400 kg (got 1)".</summary>
    public string Describe(double value)
    {
        var unit = Unit.Length == 0 ? "" : " " + Unit;
        var range = MinimumExclusive
            ? string.Create(CultureInfo.InvariantCulture, $"more than {Minimum} and at most {Maximum}{unit}")
            : string.Create(CultureInfo.InvariantCulture, $"between {Minimum} and {Maximum}{unit}");
        return string.Create(CultureInfo.InvariantCulture, $"{Name} must be {range} (got {value})");
    }
}
