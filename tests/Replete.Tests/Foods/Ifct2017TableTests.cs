using Replete.Foods;

namespace Replete.Tests.Foods;

public class Ifct2017TableTests
{
    [Theory]
    [InlineData("A003", 800_001_003)]
    [InlineData("T013", 800_020_013)]
    [InlineData("a003", null)]
    [InlineData("A03", null)]
    [InlineData("AB03", null)]
    public void IdOf_CodeBecomesAStableId(string code, int? id) => Assert.Equal(id, Ifct2017Table.IdOf(code));

    [Fact]
    public void RetinolActivityEquivalents_FollowIom2001()
    {
        // 1 ug RAE = 1 ug retinol = 12 ug beta-carotene = 24 ug alpha-carotene or beta-cryptoxanthin; inputs in g/100 g.
        Assert.Equal(100 + 10 + 1 + 1, Ifct2017Table.RetinolActivityEquivalents(100e-6, 120e-6, 24e-6, 24e-6)!.Value, 6);
        Assert.Null(Ifct2017Table.RetinolActivityEquivalents(null, null, 24e-6, null));
    }

    [Fact]
    public void Read_PackageZero_IsUnknown_AndSumsNeedTheirParts()
    {
        var columns = new[] { "enerc", "water", "protcnt", "fatce", "ash", "choavldf", "fibtg", "ca", "fe", "mg", "p", "k", "na", "zn", "cu", "mn", "se", "vitc", "thia", "ribf", "nia", "pantac",
            "vitb6c", "biot", "folsum", "retol", "cartb", "carta", "crypxb", "lycpn", "tocpha", "ergcal", "chocal", "doh25", "vitk1", "cholc", "fasat", "fams", "fapu", "phytac", "polyph", "oxalt", "oxals" };
        string Value(string column) => column switch { "fe" => "0.00642", "vitc" or "fibtg" or "chocal" => "0", "ergcal" => "0.000002", _ => "0.5" };
        var csv = "\"Food Code; code\",\"Food Name; name\",\"Scientific Name; scie\",\"Local Name; lang\",\"Food Group; grup\"," + string.Join(',', columns.Select(c => $"\"X; {c}\"")) + "\n"
            + "\"A003\",\"Bajra\",\"Pennisetum typhoideum\",\"H. Bajra; Tam. Kambu.\",\"Cereals and Millets\"," + string.Join(',', columns.Select(Value)) + "\n";

        var food = Assert.Single(Ifct2017Table.Read(new StringReader(csv), "index.csv", new StringReader("code,name,scie,desc\n"), "names.csv"));

        Assert.Equal(6.42, food.AmountPer100Grams(1089)!.Value, 6);
        Assert.Null(food.AmountPer100Grams(1162));                 // 0 in the package: unknown
        Assert.Null(food.AmountPer100Grams(1005));                 // carbohydrate needs fibre, which is unknown
        Assert.Equal(2, food.AmountPer100Grams(1111)!.Value, 6);   // D2 as the package gives it, kept apart
        Assert.Null(food.AmountPer100Grams(1114));                 // and not counted as vitamin D: IFCT's plant D2 is not credible
        Assert.Equal(500, food.AmountPer100Grams(FoodComponent.Phytate)!.Value, 6);
        Assert.Equal("Pennisetum typhoideum; Bajra; Kambu", food.Food.CommonNames);
    }
}
