using Replete.Diet;
using Replete.Foods;

namespace Replete.Web.Foods;

/// <summary>The food database: ranked search (as the CLI's <c>foods search</c>) and one food's nutrients per 100 g in
/// catalog units, with its household portions.</summary>
internal static class FoodEndpoints
{
    /// <summary>A food's detail.</summary>
    public sealed record FoodView(int Id, string Description, string? Category, IReadOnlyDictionary<string, double> Per100Grams, IReadOnlyList<string> Portions)
    {
        /// <summary>The table the values come from: sr28, sr_legacy, foundation, survey, branded, ifct2017.</summary>
        public string Source { get; init; } = "";

        /// <summary>The table's own code where it is not the id (IFCT 2017: "A003"), else null.</summary>
        public string? SourceCode { get; init; }
    }

    public static RouteGroupBuilder MapFoodEndpoints(this RouteGroupBuilder api)
    {
        var foods = api.MapGroup("/foods").WithTags("Foods").RequireAuthorization();
        foods.MapGet("", (string? q, int? limit, ServerFoods store) =>
        {
            if (string.IsNullOrWhiteSpace(q) || q.Length > 200)
            {
                return Problems.Field("q", "what to search for (1-200 characters)");
            }

            return Results.Ok(store.Catalog.SearchIndex.Search(q, Math.Clamp(limit ?? 10, 1, 50)));
        }).WithSummary("Search foods by name, best first (?q=, ?limit= 1-50)");
        foods.MapGet("/{id:int}", (int id, ServerFoods store) =>
        {
            if (store.Catalog.Find(id) is not { } food)
            {
                return Problems.NotFound();
            }

            var (per100, _) = FoodLogResolver.NutrientsIn(food, 100, store.Units);
            return Results.Ok(new FoodView(food.Food.Id, food.Food.Description, food.Food.Category, per100, [.. food.Portions.Select(p => p.ToString())])
            {
                Source = Replete.Storage.Foods.FoodDatabase.SourceName(food.Food.Source),
                SourceCode = food.Food.SourceCode,
            });
        }).WithSummary("One food: nutrients per 100 g (catalog units) and household portions");
        return api;
    }
}
