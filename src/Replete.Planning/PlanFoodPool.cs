using Replete.Diet;
using Replete.Foods;
using Replete.References;

namespace Replete.Planning;

/// <summary>The new foods a plan may offer anyone, before the person's diet pattern, avoid list and own foods are
/// applied: the foods of <see cref="PlanFoods.CandidateGroups"/> in a plain everyday form (<see cref="PlanFoods.MayOffer"/>
/// without the person) that have a usual portion, each with what one gram supplies. It depends on the food database
/// and this build alone, so a food catalog makes it once and keeps it (see <c>FoodCatalog.Derived</c>); a plan for a
/// person then reads no food from the database.</summary>
public sealed class PlanFoodPool
{
    /// <summary>The name a food catalog saves the pool under (<c>foods.db.plan-pool</c>).</summary>
    public const string SavedName = "plan-pool";

    /// <summary>The code a saved pool depends on: the planner's filters and the engine's nutrient conversions and
    /// exclusion rules. A pool saved by another build of either is made again.</summary>
    public static IReadOnlyList<System.Reflection.Assembly> Makers { get; } = [typeof(PlanFoodPool).Assembly, typeof(Food).Assembly];

    /// <summary>Bumped when the saved layout changes (the build's own version also keys a saved pool). 2: each food's
    /// <see cref="PlanFood.MinimumGrams"/> (h101).</summary>
    private const int Layout = 2;

    private PlanFoodPool(IReadOnlyList<(Food Food, PlanFood Plan)> foods) => Foods = foods;

    /// <summary>The pooled foods, in id order: the database food (for the person's exclusions) and the plan food made
    /// from it (per-gram nutrients in catalog units, unknown ones absent; the usual portion).</summary>
    public IReadOnlyList<(Food Food, PlanFood Plan)> Foods { get; }

    /// <summary>The items of <paramref name="avoid"/> (a profile's avoid list) that rule out no pooled food: a
    /// misspelling, or a word no food name has, which the plan cannot apply.</summary>
    public IReadOnlyList<string> Unmatched(IReadOnlyList<string> avoid, FoodExclusions? exclusions = null) =>
        (exclusions ?? FoodExclusions.Default).Unmatched(avoid, Foods.Select(f => f.Food));

    /// <summary>The pooled foods that <paramref name="exclusions"/> allow a person with <paramref name="pattern"/> who
    /// avoids <paramref name="avoid"/>, in id order, each with its name and form ("beans, kidney": the first two comma
    /// segments, lower case). Judging every pooled food took about 3 ms of each assessment's plan, so a long-lived
    /// process (the resident replete, a server) remembers the answer for a few diets (<see cref="AllowedKept"/>); the
    /// answer depends on nothing else (each avoided item is keyed with its length, so no two lists share a key).</summary>
    internal IReadOnlyList<(Food Food, PlanFood Plan, string Key)> Allowed(FoodExclusions exclusions, DietPattern pattern, IReadOnlyList<string> avoid)
    {
        var key = (exclusions, pattern, string.Concat(avoid.Select(a => $"{a.Length}:{a}")));
        if (allowed.TryGetValue(key, out var kept))
        {
            return kept;
        }

        var made = new List<(Food, PlanFood, string)>();
        foreach (var (food, plan) in Foods)
        {
            if (exclusions.Reason(food, pattern, avoid) is null)
            {
                made.Add((food, plan, string.Join(',', food.Description.Split(',').Take(2)).Trim().ToLowerInvariant()));
            }
        }

        if (allowed.Count >= AllowedKept)
        {
            allowed.Clear();
        }

        allowed[key] = made;
        return made;
    }

    /// <summary>How many diets' allowed foods a pool remembers (Replete's choice: a coach's roster runs a handful of
    /// diet patterns and avoid lists; each answer is a list of a few thousand references).</summary>
    private const int AllowedKept = 32;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(FoodExclusions, DietPattern, string), IReadOnlyList<(Food Food, PlanFood Plan, string Key)>> allowed = new();

    /// <summary>The pool from a food database: chosen by group and name first, so that only those foods' nutrients are
    /// read.</summary>
    /// <param name="foodsIn">The database's foods in the given groups, without nutrients.</param>
    /// <param name="findMany">The database's foods with nutrients and portions, by id.</param>
    /// <param name="units">The database's nutrient units, by FoodData Central id.</param>
    public static PlanFoodPool Build(
        Func<IReadOnlyCollection<string>, IEnumerable<Food>> foodsIn, Func<IEnumerable<int>, IEnumerable<FoodComposition>> findMany,
        IReadOnlyDictionary<int, FoodNutrient> units)
    {
        ArgumentNullException.ThrowIfNull(foodsIn);
        ArgumentNullException.ThrowIfNull(findMany);
        return From(findMany(foodsIn(PlanFoods.CandidateGroups).Where(PlanFoods.EverydayForm).Select(f => f.Id)), units);
    }

    /// <summary>The pool from foods already read with their nutrients and portions.</summary>
    public static PlanFoodPool From(IEnumerable<FoodComposition> foods, IReadOnlyDictionary<int, FoodNutrient> units)
    {
        ArgumentNullException.ThrowIfNull(foods);
        ArgumentNullException.ThrowIfNull(units);
        var pooled = new List<(Food, PlanFood)>();
        foreach (var food in foods.Where(f => PlanFoods.EverydayForm(f.Food)).OrderBy(f => f.Food.Id))
        {
            if (PlanFoods.Portion(food) is not { } portion)
            {
                continue;
            }

            var (perHundred, _) = FoodLogResolver.NutrientsIn(food, 100, units);
            var perGram = perHundred.ToDictionary(p => p.Key, p => p.Value / 100, StringComparer.Ordinal);
            // Folic acid where the food gives it, for the folate UL (DayPlanner: it counts fortified food).
            if (FoodLogResolver.FolicAcidIn(food, 1, units) is { } folicAcid)
            {
                perGram[FolateForms.FolicAcidKey] = folicAcid;
            }

            pooled.Add((food.Food, new PlanFood(food.Food.Description, PlanFoodOrigin.New, perGram, 0, portion.GramWeight, portion.ToString())
            {
                FoodId = food.Food.Id,
                Group = food.Food.Category,
                MinimumGrams = PlanFoods.MinimumGrams(portion),
            }));
        }

        return new PlanFoodPool(pooled);
    }

    /// <summary>Writes the pool (a private binary layout, read back by <see cref="Read"/>).</summary>
    public void Write(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Layout);
        writer.Write(Foods.Count);
        foreach (var (food, plan) in Foods)
        {
            writer.Write(food.Id);
            writer.Write(food.Description);
            writer.Write((int)food.Source);
            Optional(food.Category);
            Optional(food.Brand);
            Optional(food.CommonNames);
            writer.Write(plan.PortionGrams);
            writer.Write(plan.MinimumGrams);
            writer.Write(plan.Portion);
            writer.Write(plan.PerGram.Count);
            foreach (var (nutrient, amount) in plan.PerGram)
            {
                writer.Write(nutrient);
                writer.Write(amount);
            }
        }

        void Optional(string? text)
        {
            writer.Write(text is not null);
            if (text is not null)
            {
                writer.Write(text);
            }
        }
    }

    /// <summary>Reads a pool written by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidDataException">The stream holds no pool of this layout, or a damaged one.</exception>
    /// <exception cref="EndOfStreamException">The stream ends early.</exception>
    public static PlanFoodPool Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        if (reader.ReadInt32() != Layout)
        {
            throw new InvalidDataException("Not a saved plan food pool of this layout.");
        }

        var count = Count(reader.ReadInt32(), 1_000_000);
        var foods = new List<(Food, PlanFood)>(count);
        for (var i = 0; i < count; i++)
        {
            var id = reader.ReadInt32();
            var description = reader.ReadString();
            var source = (FoodSource)reader.ReadInt32();
            var food = new Food(id, description, Enum.IsDefined(source) ? source : throw new InvalidDataException("Damaged plan food pool."))
            {
                Category = Optional(),
                Brand = Optional(),
                CommonNames = Optional(),
            };
            var portionGrams = reader.ReadDouble();
            var minimumGrams = reader.ReadDouble();
            var portion = reader.ReadString();
            var nutrients = Count(reader.ReadInt32(), 10_000);
            var perGram = new Dictionary<string, double>(nutrients, StringComparer.Ordinal);
            for (var n = 0; n < nutrients; n++)
            {
                perGram[reader.ReadString()] = reader.ReadDouble();
            }

            foods.Add((food, new PlanFood(description, PlanFoodOrigin.New, perGram, 0, portionGrams, portion)
            {
                FoodId = id,
                Group = food.Category,
                MinimumGrams = minimumGrams,
            }));
        }

        return new PlanFoodPool(foods);

        string? Optional() => reader.ReadBoolean() ? reader.ReadString() : null;
    }

    private static int Count(int count, int most) =>
        count is >= 0 and var c && c <= most ? c : throw new InvalidDataException("Damaged plan food pool.");
}
