using System.Globalization;
using Replete.Nutrients;
using Replete.References;

namespace Replete.Tests.References;

public class DriTableTests
{
    private static readonly DriTable Table = DriTable.Default;

    [Fact]
    public void LifeStages_Are22Groups_CoveringContiguousAges()
    {
        Assert.Equal(22, LifeStages.All.Count);
        foreach (var group in LifeStages.All.GroupBy(s => (s.Sex, s.Reproductive)))
        {
            var ordered = group.OrderBy(s => s.MinimumAgeYears).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                Assert.Equal(ordered[i - 1].MaximumAgeYears, ordered[i].MinimumAgeYears);
            }
        }

        // Infants and children (any sex) hand over to each sex's groups at 9 years without a gap.
        Assert.Equal(9, LifeStages.Get("child_4_8").MaximumAgeYears);
        Assert.Equal(9, LifeStages.Get("male_9_13").MinimumAgeYears);
        Assert.Equal(9, LifeStages.Get("female_9_13").MinimumAgeYears);
    }

    [Theory]
    [InlineData(0.2, "female", "none", "infant_0_6mo")]
    [InlineData(0.5, "male", "none", "infant_7_12mo")]
    [InlineData(3.9, "male", "none", "child_1_3")]
    [InlineData(8, "female", "none", "child_4_8")]
    [InlineData(34, "female", "none", "female_31_50")]
    [InlineData(30.99, "male", "none", "male_19_30")]
    [InlineData(71, "male", "none", "male_71_plus")]
    [InlineData(16, "female", "pregnant", "pregnancy_14_18")]
    [InlineData(13, "female", "pregnant", "pregnancy_14_18")]
    [InlineData(29, "female", "lactating", "lactation_19_30")]
    [InlineData(45, "female", "lactating", "lactation_31_50")]
    public void LifeStageFor_PlacesPersonInTheirGroup(double age, string sex, string status, string expected)
    {
        var person = new Person(age, sex == "male" ? Sex.Male : Sex.Female,
            status switch { "pregnant" => ReproductiveStatus.Pregnant, "lactating" => ReproductiveStatus.Lactating, _ => ReproductiveStatus.None });
        Assert.Empty(person.Validate());
        Assert.Equal(expected, LifeStages.For(person).Id);
    }

    [Fact]
    public void EveryRow_HasASource_AndAKnownNutrientAndLifeStage()
    {
        foreach (var dri in Table.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(dri.Source));
            Assert.True(NutrientCatalog.Default.TryGet(dri.NutrientId, out _), dri.NutrientId);
            Assert.Contains(LifeStages.All, s => s.Id == dri.LifeStageId);
        }
    }

    [Fact]
    public void EveryLifeStage_HasAValueForEveryNutrientExceptEnergy()
    {
        foreach (var stage in LifeStages.All)
        {
            // Energy has EERs, not DRIs; young infants have no fiber AI (IOM 2005: not determinable); retinol is the
            // preformed part of vitamin A, tracked for the vitamin A UL, with no DRI of its own.
            foreach (var nutrient in NutrientCatalog.Default.All.Where(n => n.Id is not ("energy" or "retinol") && !(n.Id == "fiber" && stage.Id.StartsWith("infant", StringComparison.Ordinal))))
            {
                var dri = Table.Find(stage.Id, nutrient.Id);
                Assert.True(dri is not null && (dri.Ear ?? dri.Rda ?? dri.Ai) is not null, $"{stage.Id}/{nutrient.Id} has no EAR, RDA or AI");
            }
        }
    }

    [Fact]
    public void EarRdaUl_AreOrdered_WhereTheUlCoversTotalIntake()
    {
        foreach (var dri in Table.All)
        {
            if (dri.Ear is { } ear && dri.Rda is { } rda)
            {
                Assert.True(ear <= rda, $"{dri.LifeStageId}/{dri.NutrientId}: EAR {ear} > RDA {rda}");
            }

            // A supplements-only UL (magnesium 350 mg for pregnancy, for example) is not comparable with food intake.
            if (dri.Ul is { } ul && dri.UlScope == UpperLimitScope.TotalIntake)
            {
                var highest = dri.Rda ?? dri.Ai ?? 0;
                Assert.True(highest <= ul, $"{dri.LifeStageId}/{dri.NutrientId}: RDA/AI {highest} > UL {ul}");
            }
        }
    }

    [Theory]
    [InlineData("magnesium", UpperLimitScope.SupplementsOnly)]
    [InlineData("vitamin_e", UpperLimitScope.SupplementsAndFortificants)]
    [InlineData("niacin", UpperLimitScope.SupplementsAndFortificants)]
    [InlineData("folate", UpperLimitScope.SupplementsAndFortificants)]
    [InlineData("vitamin_a", UpperLimitScope.PreformedVitaminA)]
    [InlineData("iron", UpperLimitScope.TotalIntake)]
    [InlineData("vitamin_d", UpperLimitScope.TotalIntake)]
    public void UlScope_MatchesTheReports(string nutrient, UpperLimitScope scope) =>
        Assert.Equal(scope, Table.Find("male_19_30", nutrient)!.UlScope);

    [Fact]
    public void SodiumAndPotassium_AreThe2019Values()
    {
        var woman = Table.Find("female_31_50", "sodium")!;
        Assert.Equal(1500, woman.Ai);
        Assert.Equal(2300, woman.Cdrr);
        Assert.Null(woman.Ul);
        Assert.Equal(2600, Table.Find("female_31_50", "potassium")!.Ai);
        Assert.Equal(3400, Table.Find("male_31_50", "potassium")!.Ai);
        Assert.Null(Table.Find("male_31_50", "potassium")!.Ul);
    }

    /// <summary>Every value against the cross-check table, with its documented corrections:
    /// infant vitamin D is an AI not an RDA; sodium and potassium are the 2019 values; chloride is in g there.</summary>
    [SkippableFact]
    public void EveryValue_MatchesTheSharedReference_WithDocumentedCorrections()
    {
        var reference = CsvFile.Read(SharedFiles.Require("reference/dri/dris_reference.csv"));
        var names = new Dictionary<string, string>
        {
            ["Calcium"] = "calcium",
            ["Carbohydrates"] = "carbohydrate",
            ["Chloride"] = "chloride",
            ["Choline"] = "choline",
            ["Copper"] = "copper",
            ["Folate"] = "folate",
            ["Iodine"] = "iodine",
            ["Iron"] = "iron",
            ["Magnesium"] = "magnesium",
            ["Manganese"] = "manganese",
            ["Niacin"] = "niacin",
            ["Pantothenic acid"] = "pantothenic_acid",
            ["Phosphorus"] = "phosphorus",
            ["Riboflavin"] = "riboflavin",
            ["Selenium"] = "selenium",
            ["Thiamin"] = "thiamin",
            ["Total fiber"] = "fiber",
            ["Total water"] = "water",
            ["Vitamin A"] = "vitamin_a",
            ["Vitamin B12"] = "vitamin_b12",
            ["Vitamin B6"] = "vitamin_b6",
            ["Vitamin C"] = "vitamin_c",
            ["Vitamin D"] = "vitamin_d",
            ["Vitamin E"] = "vitamin_e",
            ["Vitamin K"] = "vitamin_k",
            ["Zinc"] = "zinc",
            ["Biotin"] = "biotin",
            ["Protein"] = "protein",
        };
        var compared = 0;
        foreach (var row in reference)
        {
            if (!names.TryGetValue(row.Text("nutrient"), out var nutrient) || row.Text("value") == "NA")
            {
                continue;
            }

            var stage = StageId(row);
            var dri = Table.Find(stage, nutrient);
            Assert.NotNull(dri);
            var value = double.Parse(row.Text("value"), CultureInfo.InvariantCulture);
            var units = row.Text("units");
            value *= units is "g/d" && nutrient is "chloride" ? 1000 : units == "L/d" ? 1000 : 1;
            var type = row.Text("dri_type")[..3];
            double? ours = (type, units) switch
            {
                ("Est", "g/kg/d") => dri.EarPerKg,
                ("Est", _) => dri.Ear,
                ("Rec", _) when nutrient == "vitamin_d" && stage.StartsWith("infant", StringComparison.Ordinal) => dri.Ai, // correction: an AI
                ("Rec", _) => dri.Rda,
                ("Ade", _) => dri.Ai,
                _ => dri.Ul,
            };
            Assert.True(ours == value, $"{stage}/{nutrient} {type}: reference {value}, ours {ours?.ToString(CultureInfo.InvariantCulture) ?? "none"}");
            compared++;
        }

        Assert.True(compared >= 1389, $"only {compared} values compared");
    }

    [SkippableFact]
    public void SodiumPotassium_MatchTheShared2019Table()
    {
        foreach (var row in CsvFile.Read(SharedFiles.Require("reference/dri/sodium_potassium_2019.csv")))
        {
            var stages = row.Text("life_stage") switch
            {
                "infants" => [row.Text("age_range") == "0-6 mo" ? "infant_0_6mo" : "infant_7_12mo"],
                "children" => [row.Text("age_range") == "1-3 y" ? "child_1_3" : "child_4_8"],
                var group => Suffixes(row.Text("age_range")).Select(s => Prefix(group) + s).ToArray(),
            };
            foreach (var stage in stages)
            {
                Assert.Equal(row.Number("potassium_ai_mg"), Table.Find(stage, "potassium")!.Ai);
                Assert.Equal(row.Number("sodium_ai_mg"), Table.Find(stage, "sodium")!.Ai);
                Assert.Equal(row.OptionalNumber("sodium_cdrr_mg"), Table.Find(stage, "sodium")!.Cdrr);
            }
        }

        static string Prefix(string group) => group switch { "males" => "male_", "females" => "female_", _ => group + "_" };
        static string[] Suffixes(string age) => age switch
        {
            "9-13 y" => ["9_13"],
            "14-18 y" => ["14_18"],
            "19-30 y" => ["19_30"],
            "31-50 y" => ["31_50"],
            "51-70 y" => ["51_70"],
            ">70 y" => ["71_plus"],
            "19-50 y" => ["19_30", "31_50"],
            _ => throw new InvalidDataException(age),
        };
    }

    [SkippableFact]
    public void Magnesium_MatchesThePrimaryTable()
    {
        foreach (var row in CsvFile.Read(SharedFiles.Require("reference/dri/magnesium_dri_table_nap11537_p340.csv")))
        {
            var stage = row.Text("life_stage") switch
            {
                "0-6 mo" => "infant_0_6mo",
                "7-12 mo" => "infant_7_12mo",
                "1-3 y" => "child_1_3",
                "4-8 y" => "child_4_8",
                var s when s.StartsWith("pregnancy", StringComparison.Ordinal) => "pregnancy_" + Band(s.Split(' ')[1]),
                var s when s.StartsWith("lactation", StringComparison.Ordinal) => "lactation_" + Band(s.Split(' ')[1]),
                var s => row.Text("sex") + "_" + Band(s.Split(' ')[0]),
            };
            var dri = Table.Find(stage, "magnesium")!;
            Assert.Equal(row.OptionalNumber("EAR_mg"), dri.Ear);
            Assert.Equal(row.OptionalNumber("RDA_mg"), dri.Rda);
            Assert.Equal(row.OptionalNumber("AI_mg"), dri.Ai);
            var ul = row.Text("UL_mg_supplemental_only");
            Assert.Equal(ul == "ND" ? null : double.Parse(ul, CultureInfo.InvariantCulture), dri.Ul);
        }

        static string Band(string age) => age switch
        {
            "<=18" => "14_18",
            "9-13" => "9_13",
            "14-18" => "14_18",
            "19-30" => "19_30",
            "31-50" => "31_50",
            "51-70" => "51_70",
            ">70" => "71_plus",
            _ => throw new InvalidDataException(age),
        };
    }

    private static string StageId(Replete.Data.ReferenceRow row)
    {
        var age = row.Text("age_range").Replace(" yr", "", StringComparison.Ordinal).Replace(" mo", "", StringComparison.Ordinal);
        var band = age switch
        {
            "9-13" => "9_13",
            "14-18" => "14_18",
            "19-30" => "19_30",
            "31-50" => "31_50",
            "51-70" => "51_70",
            ">70" => "71_plus",
            _ => age,
        };
        return row.Text("sex_stage") switch
        {
            "Infants" => age == "0-6" ? "infant_0_6mo" : "infant_7_12mo",
            "Children" => age == "1-3" ? "child_1_3" : "child_4_8",
            "Men" => "male_" + band,
            "Women" => "female_" + band,
            var s when s.Contains("pregnant", StringComparison.Ordinal) => "pregnancy_" + band,
            _ => "lactation_" + band,
        };
    }
}
