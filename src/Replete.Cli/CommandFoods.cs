using Replete.Planning;
using Replete.Sr28;
using Replete.Storage.Foods;

namespace Replete.Cli;

/// <summary>The food database of one command: opened once (by the diet import and the plan alike) and closed when the
/// command ends. <see cref="Warm"/> opens it on another thread while the command reads its files, so that the search
/// index and the plan's food pool are loaded by the time they are needed.</summary>
internal sealed class CommandFoods(CliContext context) : IDisposable
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, FoodDatabase> open = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task<FoodDatabase?>> warming = new(StringComparer.Ordinal);

    /// <summary>The food database in <paramref name="dataDirectory"/> (see <see cref="FoodStore.DataDirectory"/>), built
    /// with SR28 on first use as <see cref="FoodStore.Open"/> does; the same one for every call of the command.</summary>
    public FoodDatabase Open(string? dataDirectory)
    {
        var key = FoodStore.DataDirectory(dataDirectory);
        Task<FoodDatabase?>? warm;
        lock (gate)
        {
            if (open.TryGetValue(key, out var database))
            {
                return database;
            }

            warming.Remove(key, out warm);
        }

        // A warmed database is taken as it is; one that could not be warmed is opened here, where its error is shown.
        var opened = (warm?.GetAwaiter().GetResult()) ?? FoodStore.Open(context, dataDirectory);
        lock (gate)
        {
            open[key] = opened;
        }

        return opened;
    }

    /// <summary>Starts opening the food database on another thread, with its search index and the plan's food pool,
    /// when it already holds the SR28 foods (a database that still needs building is built where it is first needed,
    /// with its progress bar). Nothing from the warm-up is ever shown: a failure leaves the opening to
    /// <see cref="Open"/>.</summary>
    public void Warm(string? dataDirectory)
    {
        string key;
        try
        {
            key = FoodStore.DataDirectory(dataDirectory);
            if (!File.Exists(Path.Combine(key, "foods.db")))
            {
                return;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return;
        }

        lock (gate)
        {
            if (open.ContainsKey(key) || warming.ContainsKey(key))
            {
                return;
            }

            warming[key] = Task.Run(() => Warmed(dataDirectory));
        }
    }

    private static FoodDatabase? Warmed(string? dataDirectory)
    {
        FoodDatabase? database = null;
        try
        {
            database = FoodStore.OpenEmpty(dataDirectory);
            if (DefaultFoodDatabase.NeedsDefault(database))
            {
                database.Dispose();
                return null;
            }

            var catalog = database.Catalog;
            _ = catalog.SearchIndex;
            _ = PlanPool(catalog);
            return database;
        }
#pragma warning disable CA1031 // A warm-up only saves time: whatever fails here is met again, and reported, by Open.
        catch (Exception)
#pragma warning restore CA1031
        {
            database?.Dispose();
            return null;
        }
    }

    /// <summary>The foods a plan may offer anyone, made once per food database and saved beside it.</summary>
    public static PlanFoodPool PlanPool(FoodCatalog catalog) =>
        catalog.Derived(PlanFoodPool.SavedName, PlanFoodPool.Makers, () => PlanFoodPool.Build(catalog.FoodsIn, catalog.FindMany, catalog.Nutrients()),
            PlanFoodPool.Read, (made, stream) => made.Write(stream));

    /// <summary>Closes every database the command opened, and any a warm-up opened that was never used.</summary>
    public void Dispose()
    {
        List<Task<FoodDatabase?>> pending;
        lock (gate)
        {
            foreach (var database in open.Values)
            {
                database.Dispose();
            }

            open.Clear();
            pending = [.. warming.Values];
            warming.Clear();
        }

        foreach (var task in pending)
        {
            task.GetAwaiter().GetResult()?.Dispose();
        }
    }
}
