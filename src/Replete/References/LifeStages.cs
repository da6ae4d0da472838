using System.Globalization;
using Replete.Data;

namespace Replete.References;

/// <summary>The DRI life-stage groups (data/life_stages.csv) and the rule that places a person in one.</summary>
public static class LifeStages
{
    /// <summary>All 22 groups, in table order.</summary>
    public static IReadOnlyList<LifeStage> All { get; } = Load();

    /// <summary>Gets a group by id.</summary>
    public static LifeStage Get(string id) => All.FirstOrDefault(s => s.Id == id)
        ?? throw new KeyNotFoundException($"Unknown life stage '{id}'.");

    /// <summary>Places a person in their DRI group.</summary>
    /// <remarks>Pregnant or lactating girls younger than 14 are placed in the 14-18 group, which the reports
    /// label "&lt;=18 y". Call <see cref="Person.Validate"/> first.</remarks>
    public static LifeStage For(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var age = person.AgeYears;
        if (person.Reproductive != ReproductiveStatus.None)
        {
            age = Math.Max(age, 14);
        }

        return All.FirstOrDefault(s =>
                s.Reproductive == person.Reproductive
                && (s.Sex is null || s.Sex == person.Sex)
                && age >= s.MinimumAgeYears && age < s.MaximumAgeYears)
            ?? throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"No DRI life stage for age {person.AgeYears}, {person.Sex}, {person.Reproductive}."),
                nameof(person));
    }

    private static List<LifeStage> Load() => ReferenceData.Read("life_stages.csv").Select(r => new LifeStage(
        r.Text("id"),
        r.Text("label"),
        r.Text("sex") switch { "male" => Sex.Male, "female" => Sex.Female, _ => null },
        r.Text("condition") switch
        {
            "pregnancy" => ReproductiveStatus.Pregnant,
            "lactation" => ReproductiveStatus.Lactating,
            _ => ReproductiveStatus.None,
        },
        r.Number("min_age_years"),
        r.Number("max_age_years"))).ToList();
}
