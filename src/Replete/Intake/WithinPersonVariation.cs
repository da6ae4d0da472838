using System.Globalization;
using Replete.Data;
using Replete.References;

namespace Replete.Intake;

/// <summary>Chooses SD_within, the day-to-day SD of a person's intake (data/within_person_variation.csv).</summary>
/// <remarks>
/// <para>IOM 2000 (Applications in Dietary Assessment, p.54) prescribes the pooled CSFII SD for the life stage and
/// warns that the SD of a person's own few days is "likely to be severely biased". The pooled adult vitamin and
/// mineral SDs (Tables B-2 to B-4) could not be retrieved, so this is the documented fallback:</para>
/// <list type="number">
/// <item>A pooled SD for the nutrient and life stage where one is known (calcium and magnesium for women 19-50,
/// the children's and adolescents' macronutrients of Table B-5): used as is.</item>
/// <item>Otherwise a prior CV (published for another group, or assumed) times the person's mean intake, because the
/// SD rises with the mean (IOM 2000 p.65). When at least two days are logged, the person's own SD is pooled with
/// that prior as with a conjugate prior worth <see cref="PriorWeightDays"/> days:
/// SD^2 = (k0 SD_prior^2 + (n - 1) s^2) / (k0 + n - 1). A few days barely move the prior, as the IOM warns; a month of
/// logging mostly speaks for itself.</item>
/// </list>
/// Every result built on step 2 is flagged approximate.
/// </remarks>
public static class WithinPersonVariation
{
    /// <summary>The weight of the prior CV, in days of the person's own data. An engineering choice, not an IOM value:
    /// with 3 logged days the person's SD carries 2/9 of the weight, with 30 days 29/36.</summary>
    public const double PriorWeightDays = 7;

    private static readonly IReadOnlyList<Entry> Entries = ReferenceData.Read("within_person_variation.csv")
        .Select(r => new Entry(
            r.Text("nutrient"),
            r.Text("life_stages").Split(' ', StringSplitOptions.RemoveEmptyEntries),
            r.Text("sex"),
            r.OptionalNumber("sd_within"),
            r.OptionalNumber("cv_within"),
            r.Text("evidence") switch
            {
                "pooled" => WithinPersonEvidence.Pooled,
                "pooled_derived" => WithinPersonEvidence.PooledDerived,
                "proxy" => WithinPersonEvidence.Proxy,
                "assumed" => WithinPersonEvidence.Assumed,
                var other => throw new InvalidDataException($"within_person_variation.csv:{r.Line}: unknown evidence '{other}'."),
            },
            r.Text("source")))
        .ToList();

    /// <summary>The SD_within to use for a nutrient, life stage and observed intake.</summary>
    /// <param name="nutrientId">Catalog id.</param>
    /// <param name="lifeStage">The person's life stage.</param>
    /// <param name="sex">The person's sex (children's groups are split by sex in Table B-5).</param>
    /// <param name="meanIntake">Mean daily intake over the days observed.</param>
    /// <param name="days">Number of days observed.</param>
    /// <param name="ownSd">The SD of the person's own daily intakes, where at least two days are known.</param>
    public static WithinPersonSd For(string nutrientId, LifeStage lifeStage, Sex sex, double meanIntake, int days, double? ownSd = null)
    {
        ArgumentNullException.ThrowIfNull(lifeStage);
        var pooled = Entries.FirstOrDefault(e => e.Sd is not null && e.Nutrient == nutrientId && e.Matches(lifeStage, sex));
        if (pooled is not null)
        {
            return new WithinPersonSd(pooled.Sd!.Value, pooled.Evidence, pooled.Source, false,
                string.Create(CultureInfo.InvariantCulture, $"pooled SD {pooled.Sd:0.###} for {lifeStage.Label}"));
        }

        var prior = Entries.FirstOrDefault(e => e.Cv is not null && e.Nutrient == nutrientId && e.Matches(lifeStage, sex))
            ?? Entries.First(e => e.Cv is not null && e.Nutrient == "*");
        var cv = prior.Cv!.Value;
        var priorSd = cv * Math.Max(meanIntake, 0);
        if (ownSd is { } s && days >= 2 && double.IsFinite(s))
        {
            var variance = ((PriorWeightDays * priorSd * priorSd) + ((days - 1) * s * s)) / (PriorWeightDays + days - 1);
            return new WithinPersonSd(Math.Sqrt(variance), prior.Evidence, prior.Source, true,
                string.Create(CultureInfo.InvariantCulture,
                    $"CV {cv:P0} of the mean ({priorSd:0.###}) pooled with the person's own SD {s:0.###} over {days} days (prior worth {PriorWeightDays:0} days)"));
        }

        return new WithinPersonSd(priorSd, prior.Evidence, prior.Source, false,
            string.Create(CultureInfo.InvariantCulture, $"CV {cv:P0} of the mean intake"));
    }

    private sealed record Entry(
        string Nutrient, string[] LifeStages, string Sex, double? Sd, double? Cv, WithinPersonEvidence Evidence, string Source)
    {
        public bool Matches(LifeStage stage, References.Sex sex) =>
            (LifeStages is ["*"] || LifeStages.Contains(stage.Id))
            && (Sex == "any" || string.Equals(Sex, sex.ToString(), StringComparison.OrdinalIgnoreCase));
    }
}
