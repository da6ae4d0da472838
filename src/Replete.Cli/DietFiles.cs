using Replete.Cli.Rendering;
using Replete.Diet;
using Replete.Documents;
using Spectre.Console;

namespace Replete.Cli;

/// <summary>Opens the diet files a person named and hands them to the engine's <see cref="DietImport"/>; opens the food
/// database only when a food log needs it, and asks in the terminal which food was meant where <c>--interactive</c>.</summary>
internal static class DietFiles
{
    /// <summary>Reads <paramref name="files"/> into one diet.</summary>
    /// <exception cref="InputException">A file does not exist or cannot be read, or the files overlap: every problem.</exception>
    /// <param name="context">The command's context.</param>
    /// <param name="files">The diet files.</param>
    /// <param name="dataDir">The data directory option.</param>
    /// <param name="interactive">Whether to ask which food was meant.</param>
    /// <param name="preferredTable">The profile's <c>food_table</c>: which table wins a tie between two tables' foods.</param>
    public static ImportedDiet Load(CliContext context, IEnumerable<FileInfo> files, string? dataDir, bool interactive, Foods.FoodSource? preferredTable = null)
    {
        var import = new DietImport(() =>
        {
            // The command's database, which a warm-up may already have opened; it stays open for the plan.
            var catalog = context.Foods.Open(dataDir).Catalog;
            return new FoodLogResolver(catalog.SearchIndex, catalog.Find, catalog.Nutrients()) { PreferredTable = preferredTable };
        })
        {
            ChooseFood = interactive && context.Console.Profile.Capabilities.Interactive ? food => Choose(context.Console, food) : null,
        };
        foreach (var file in files)
        {
            InputFile.RequireRegularFile(file.FullName, file.ToString());
            // Opened again whenever the items are read: an export is never held in memory whole.
            import.Add(file.Name, file.OpenRead);
        }

        return import.Complete().OrThrow();
    }

    private static int Choose(IAnsiConsole console, ResolvedFood food)
    {
        var choices = new[] { food.Match! }.Concat(food.Alternatives).ToList();
        return console.Prompt(new SelectionPrompt<Foods.FoodMatch>()
            .Title($"{Shown.Markup(food.Entry.Origin)}: which food is [bold]{Shown.Markup(food.Entry.Food)}[/]?")
            .UseConverter(m => Shown.Markup($"{m.Label} ({m.FoodId})"))
            .AddChoices(choices)).FoodId;
    }
}
