using System.CommandLine;
using Replete.References;

namespace Replete.Cli.Commands;

/// <summary>The options that describe a person, shared by every command that needs targets.</summary>
internal sealed class PersonOptions
{
    private readonly Option<double?> age = new("--age") { Description = "Age in years (fractions for infants: 0.5 = six months)", Required = true };
    private readonly Option<string> sex = new("--sex") { Description = "female or male", Required = true };
    private readonly Option<bool> pregnant = new("--pregnant") { Description = "Pregnant" };
    private readonly Option<bool> lactating = new("--lactating") { Description = "Lactating" };
    private readonly Option<double?> weightKg = new("--weight-kg") { Description = "Body mass in kg, for per-kg targets" };
    private readonly Option<string?> sport = new("--sport") { Description = "Main sport, such as running, cycling or weightlifting" };
    private readonly Option<double?> trainingHours = new("--training-hours-per-week") { Description = "Training volume in hours per week" };
    private readonly Option<bool> vegetarian = new("--vegetarian") { Description = "Vegetarian or vegan diet (iron and zinc bioavailability)" };

    public void AddTo(Command command)
    {
        command.Options.Add(age);
        command.Options.Add(sex);
        command.Options.Add(pregnant);
        command.Options.Add(lactating);
        command.Options.Add(weightKg);
        command.Options.Add(sport);
        command.Options.Add(trainingHours);
        command.Options.Add(vegetarian);
    }

    /// <summary>Reads and validates the person; throws <see cref="UsageException"/> naming every problem.</summary>
    public Person Read(ParseResult parse)
    {
        var parsedSex = Profile.ParseSex(parse.GetValue(sex)!)
            ?? throw new UsageException($"--sex must be 'female' or 'male' (got '{parse.GetValue(sex)}')");
        if (parse.GetValue(pregnant) && parse.GetValue(lactating))
        {
            throw new UsageException("--pregnant and --lactating cannot be used together; choose the one that applies now");
        }

        var status = parse.GetValue(pregnant) ? ReproductiveStatus.Pregnant
            : parse.GetValue(lactating) ? ReproductiveStatus.Lactating
            : ReproductiveStatus.None;
        var person = new Person(
            parse.GetValue(age)!.Value, parsedSex, status, parse.GetValue(weightKg), parse.GetValue(sport),
            parse.GetValue(trainingHours), parse.GetValue(vegetarian));
        var problems = person.Validate();
        return problems.Count == 0 ? person : throw new UsageException(string.Join("; ", problems.Select(p => p.Message)));
    }
}
