using System.Globalization;

namespace Replete.Diet;

/// <summary>One input of the iron absorption estimate: its value per meal (mean over the days eaten) and where it comes
/// from, or null with the reason when it is not known.</summary>
/// <param name="Name">The input ("phytate-phosphorus").</param>
/// <param name="Value">Its value, or null when unknown.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Source">Where the value comes from, or why it is unknown.</param>
public sealed record AbsorptionInput(string Name, double? Value, string Unit, string Source);

/// <summary>A meal's non-heme iron absorption by the algorithm of Hallberg &amp; Hulthen (AJCN 2000;71:1147), or why it
/// is not made.</summary>
/// <param name="Percent">The estimated absorption (%), or null when not made.</param>
/// <param name="Inputs">The algorithm's inputs for the meal, each with its source.</param>
/// <param name="WhyNot">Why the estimate is not made, in words; empty when it is made.</param>
public sealed record IronAbsorptionEstimate(double? Percent, IReadOnlyList<AbsorptionInput> Inputs, IReadOnlyList<string> WhyNot)
{
    /// <summary>The algorithm's reference.</summary>
    public const string Source = "Hallberg L, Hulthen L. Prediction of dietary iron absorption: an algorithm for calculating absorption and bioavailability of dietary iron. Am J Clin Nutr 2000;71:1147-60";
}

/// <summary>Gathers, for a meal, the inputs of the Hallberg &amp; Hulthen (2000) iron absorption algorithm: its
/// non-heme iron, phytate-phosphorus, polyphenols, ascorbic acid and calcium, each from the food tables and shown with
/// its source, and makes the estimate only where every input is known and the algorithm's equations are in Replete's
/// reviewed sources.</summary>
/// <remarks>The algorithm starts from the absorption of iron from a wheat roll with no known inhibitors or enhancers
/// (22.1 %, adjusted to a reference dose absorption of 40 %) and multiplies it by one dose-effect equation per dietary
/// factor (phytate, polyphenols, ascorbic acid, meat, fish and seafood, calcium, egg, soy protein, alcohol), with
/// interactions between them (Hallberg &amp; Hulthen 2000, abstract). Replete has the paper's abstract but not the
/// coefficients of its equations in a reviewed source, so it does not compute the percentage: it never invents a
/// number. What it does is show the inputs, with sources, and say what is missing; the equations are the one thing to
/// add (from the paper's figures and appendix) to make the estimate.</remarks>
public static class HallbergHulthen
{
    /// <summary>Phosphorus share of phytic acid by mass: 6 P (6 x 30.974) in C6H18O24P6 (660.04 g/mol) = 0.2816
    /// (IUPAC standard atomic weights). Phytate-P = phytate x this.</summary>
    public const double PhosphorusShareOfPhytate = 6 * 30.974 / 660.04;

    /// <summary>Why the percentage is never made today.</summary>
    public const string EquationsNotReviewed =
        "the algorithm's dose-effect equations (Hallberg & Hulthen, AJCN 2000;71:1147) are not yet in Replete's reviewed sources, so no absorption percentage is computed";

    /// <summary>The estimate for a meal eaten on <paramref name="days"/> days, from all its food items on those days.</summary>
    public static IronAbsorptionEstimate Estimate(IEnumerable<IntakeItem> items, int days)
    {
        ArgumentNullException.ThrowIfNull(items);
        var inputs = new Inputs();
        foreach (var item in items)
        {
            inputs.Add(item);
        }

        return inputs.Estimate(days);
    }

    /// <summary>The algorithm's inputs summed over a meal's items as they are read, so that a long log is never held
    /// whole: per input the sum and the foods that do not report it (at most <see cref="MostNamed"/> named).</summary>
    internal sealed class Inputs
    {
        private const int MostNamed = 20;

        private static readonly (string Name, string What, Func<IntakeItem, double?> Value, string Source)[] Definitions =
        [
            ("iron", "iron", i => i.Nutrients.TryGetValue("iron", out var v) ? v : null, "the foods' tables (USDA SR28, IFCT 2017)"),
            ("phytate-phosphorus", "phytate", i => i.Components.TryGetValue("phytate", out var v) ? v * PhosphorusShareOfPhytate : null,
                string.Create(CultureInfo.InvariantCulture, $"IFCT 2017 phytate x {PhosphorusShareOfPhytate:0.####} (P share of phytic acid)")),
            ("polyphenols", "polyphenols", i => i.Components.TryGetValue("polyphenols", out var v) ? v : null, "IFCT 2017 total polyphenols"),
            ("ascorbic acid", "vitamin C", i => i.Nutrients.TryGetValue("vitamin_c", out var v) ? v : null, "the foods' tables"),
            ("calcium", "calcium", i => i.Nutrients.TryGetValue("calcium", out var v) ? v : null, "the foods' tables"),
        ];

        private readonly double[] sums = new double[Definitions.Length];
        private readonly SortedSet<string>[] missing = [.. Definitions.Select(_ => new SortedSet<string>(StringComparer.OrdinalIgnoreCase))];

        public void Add(IntakeItem item)
        {
            for (var k = 0; k < Definitions.Length; k++)
            {
                if (Definitions[k].Value(item) is { } value)
                {
                    sums[k] += value;
                }
                else if (missing[k].Count < MostNamed)
                {
                    missing[k].Add(item.Name);
                }
            }
        }

        public IronAbsorptionEstimate Estimate(int days)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
            var whyNot = new List<string>();
            var inputs = new List<AbsorptionInput>();
            for (var k = 0; k < Definitions.Length; k++)
            {
                var (name, what, _, source) = Definitions[k];
                if (missing[k].Count > 0)
                {
                    whyNot.Add(missing[k].Count == 1 ? $"{what} unknown for 1 food" : $"{what} unknown for {missing[k].Count} foods");
                    inputs.Add(new AbsorptionInput(name, null, "mg", $"unknown: not reported for {string.Join(", ", missing[k])}"));
                }
                else
                {
                    inputs.Add(new AbsorptionInput(name, sums[k] / days, "mg", source));
                }
            }

            whyNot.Add(EquationsNotReviewed);
            return new IronAbsorptionEstimate(null, inputs, whyNot);
        }
    }
}
