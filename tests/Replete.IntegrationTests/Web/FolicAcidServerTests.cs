using System.Net;
using System.Text.Json.Nodes;
using Replete.IntegrationTests.Storage;

namespace Replete.IntegrationTests.Web;

/// <summary>The server stores a food-log entry as a row and reads it back for each assessment: the folic acid of a
/// fortified food must come back with it, so that the folate UL counts it as the command line does (IOM 1998 ch.8: the
/// UL covers folic acid from supplements and fortified food together).</summary>
[Collection(Sr28Group.Name)]
public sealed class FolicAcidServerTests(Sr28Database foods) : IDisposable
{
    private readonly ServerHost server = new(foods);

    public void Dispose() => server.Dispose();

    [SkippableFact]
    public async Task AStoredFortifiedCereal_CountsTowardTheFolateUl_WithTheSupplements()
    {
        var athlete = await server.SignUpAsync("Flo");
        await athlete.SendAsync(HttpMethod.Put, "/api/v1/athletes/me/profile", new { date_of_birth = "1992-05-04", sex = "female", diet = "omnivore" });
        await athlete.SendAsync(HttpMethod.Put, "/api/v1/athletes/me/supplements?from=2020-07-01", new { supplements = new[] { new { name = "Folic acid 800 mcg", form = "folic acid", doses_per_day = 1, per_dose = new { folate = "800 ug" } } } });
        foreach (var meal in new[] { "breakfast", "lunch", "dinner" })
        {
            // SR28 08077, Whole Grain TOTAL: 30 g gives 394.2 ug of folic acid.
            var (status, _) = await athlete.PostAsync("/api/v1/athletes/me/food-log", new { date = "2020-07-18", meal, food = "Cereals ready-to-eat, GENERAL MILLS, Whole Grain TOTAL", amount = "30 g", food_id = 8077 });
            Assert.Equal(HttpStatusCode.Created, status);
        }

        var (created, snapshot) = await athlete.PostAsync("/api/v1/athletes/me/snapshots", new { from = "2020-07-18", to = "2020-07-18" });

        Assert.Equal(HttpStatusCode.Created, created);
        // The stored rows give back the cereal's 1,182.6 ug/d of folic acid: with the tablet's 800, above the UL of 1,000.
        var excess = snapshot!["excess"]!.AsArray().Single(e => (string?)e!["nutrient"] == "folate")!;
        Assert.Contains("Likely above the UL (1,982.6 ug/d; UL 1,000)", (string?)excess["advice"], StringComparison.Ordinal);
        var cut = snapshot["plan"]!["supplements_to_lower"]!.AsArray().Single(c => (string?)c!["nutrient"] == "folate")!;
        Assert.Equal(1982.6, (double)cut["intake"]!, 6);
        Assert.Equal(1182.6, (double)cut["from_fortified_food"]!, 6);
        Assert.True((bool)cut["food_alone_above"]!);
    }
}
