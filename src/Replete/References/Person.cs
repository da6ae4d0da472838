namespace Replete.References;

/// <summary>What the engine needs to know about a person to set their targets.</summary>
/// <param name="AgeYears">Age in years; fractions for infants (0.5 = six months).</param>
/// <param name="Sex">Sex.</param>
/// <param name="Reproductive">Pregnant, lactating or neither.</param>
/// <param name="BodyMassKg">Body mass, for per-kilogram targets; null when unknown.</param>
/// <param name="Sport">A sport id from <see cref="Sports"/>, or null.</param>
/// <param name="TrainingHoursPerWeek">Training volume, or null.</param>
/// <param name="Vegetarian">True for a vegetarian or vegan diet (iron bioavailability).</param>
public sealed record Person(
    double AgeYears,
    Sex Sex,
    ReproductiveStatus Reproductive = ReproductiveStatus.None,
    double? BodyMassKg = null,
    string? Sport = null,
    double? TrainingHoursPerWeek = null,
    bool Vegetarian = false)
{
    /// <summary>Oldest age accepted, in years.</summary>
    public const double MaximumAgeYears = 120;

    /// <summary>Checks the profile for combinations that cannot be right.</summary>
    /// <returns>The problems found, empty when the profile is valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!double.IsFinite(AgeYears) || AgeYears < 0 || AgeYears > MaximumAgeYears)
        {
            problems.Add($"age must be between 0 and {MaximumAgeYears:0} years (got {AgeYears.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
        }

        if (Reproductive != ReproductiveStatus.None && Sex == Sex.Male)
        {
            problems.Add($"a male cannot be {(Reproductive == ReproductiveStatus.Pregnant ? "pregnant" : "lactating")}: DRI pregnancy and lactation groups are female");
        }

        if (Reproductive != ReproductiveStatus.None && (AgeYears < 9 || AgeYears >= 51))
        {
            problems.Add("pregnancy and lactation DRIs cover ages up to 50 (the youngest group is labelled '<=18 y'); check the age");
        }

        if (BodyMassKg is { } kg && (!double.IsFinite(kg) || kg < 2 || kg > 400))
        {
            problems.Add($"body mass must be between 2 and 400 kg (got {kg.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
        }

        if (TrainingHoursPerWeek is { } hours && (!double.IsFinite(hours) || hours < 0 || hours > 60))
        {
            problems.Add($"training hours per week must be between 0 and 60 (got {hours.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
        }

        if (Sport is { } sport && !Sports.TryGet(sport, out _))
        {
            problems.Add($"unknown sport '{sport}'; known sports: {string.Join(", ", Sports.All.Select(s => s.Id))}");
        }

        return problems;
    }
}
