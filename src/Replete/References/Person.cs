using Replete.Documents;

namespace Replete.References;

/// <summary>What the engine needs to know about a person to set their targets.</summary>
/// <param name="AgeYears">Age in years; fractions for infants (0.5 = six months).</param>
/// <param name="Sex">Sex.</param>
/// <param name="Reproductive">Pregnant, lactating or neither.</param>
/// <param name="BodyMassKg">Body mass, for per-kilogram targets; null when unknown.</param>
/// <param name="Sport">A sport id from <see cref="Sports"/>, or null.</param>
/// <param name="TrainingHoursPerWeek">Training volume, or null.</param>
/// <param name="Vegetarian">True for a vegetarian or vegan diet (iron and zinc bioavailability).</param>
public sealed record Person(
    double AgeYears,
    Sex Sex,
    ReproductiveStatus Reproductive = ReproductiveStatus.None,
    double? BodyMassKg = null,
    string? Sport = null,
    double? TrainingHoursPerWeek = null,
    bool Vegetarian = false)
{
    /// <summary>Checks the person for values out of range and combinations that cannot be right.</summary>
    /// <returns>The problems found (empty when the person is valid), each with the field as its path: age, sex,
    /// pregnant, lactating, body_mass_kg, training_hours_per_week, sport. Ranges are <see cref="InputLimits"/>.</returns>
    public IReadOnlyList<InputProblem> Validate()
    {
        var problems = new List<InputProblem>();
        void Add(string path, string code, string message) => problems.Add(new InputProblem("", null, path, code, message));
        if (InputLimits.AgeYears.Check(AgeYears) is { } age)
        {
            Add("age", InputProblemCodes.OutOfRange, age);
        }

        var status = Reproductive == ReproductiveStatus.Pregnant ? "pregnant" : "lactating";
        if (Reproductive != ReproductiveStatus.None && Sex == Sex.Male)
        {
            Add(status, InputProblemCodes.Conflict, $"a male cannot be {status}: DRI pregnancy and lactation groups are female");
        }

        if (Reproductive != ReproductiveStatus.None && (AgeYears < 9 || AgeYears >= 51))
        {
            Add(status, InputProblemCodes.Conflict, "pregnancy and lactation DRIs cover ages up to 50 (the youngest group is labelled '<=18 y'); check the age");
        }

        if (BodyMassKg is { } kg && InputLimits.BodyMassKg.Check(kg) is { } mass)
        {
            Add("body_mass_kg", InputProblemCodes.OutOfRange, mass);
        }

        if (TrainingHoursPerWeek is { } hours && InputLimits.TrainingHoursPerWeek.Check(hours) is { } training)
        {
            Add("training_hours_per_week", InputProblemCodes.OutOfRange, training);
        }

        if (Sport is { } sport && !Sports.TryGet(sport, out _))
        {
            Add("sport", InputProblemCodes.UnknownValue, $"unknown sport '{sport}'; known sports: {string.Join(", ", Sports.All.Select(s => s.Id))}");
        }

        return problems;
    }
}
