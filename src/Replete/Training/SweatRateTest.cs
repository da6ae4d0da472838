using System.Globalization;

namespace Replete.Training;

/// <summary>A sweat-rate test: nude body mass before and after a session, fluid drunk and urine passed.</summary>
/// <remarks>Sweat loss = (pre mass - post mass) + fluid in - urine out, taking 1 kg of body mass as 1 L of water;
/// rate = loss / hours (Sawka et al. 2007, ACSM position stand, Med Sci Sports Exerc 39:377-390; the method of the
/// Academy of Nutrition and Dietetics Sports Nutrition Care Manual and the NATA/CDC forms).</remarks>
/// <param name="PreMassKg">Body mass before, kg.</param>
/// <param name="PostMassKg">Body mass after, kg.</param>
/// <param name="FluidInLitres">Fluid drunk during the session, L.</param>
/// <param name="UrineLitres">Urine passed during the session, L.</param>
/// <param name="Minutes">Duration of the session.</param>
public sealed record SweatRateTest(double PreMassKg, double PostMassKg, double FluidInLitres, double UrineLitres, double Minutes)
{
    /// <summary>Pounds to kilograms (exact by definition of the international pound).</summary>
    public const double KilogramsPerPound = 0.45359237;

    /// <summary>US fluid ounces to litres (exact: 1 US fl oz = 29.5735295625 mL).</summary>
    public const double LitresPerFluidOunce = 0.0295735295625;

    /// <summary>Problems that make the test impossible to interpret.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        static bool Finite(double x) => double.IsFinite(x);
        if ((Documents.InputLimits.AthleteBodyMassKg with { Name = "pre-exercise mass" }).Check(PreMassKg) is { } pre)
        {
            problems.Add(pre);
        }

        if ((Documents.InputLimits.AthleteBodyMassKg with { Name = "post-exercise mass" }).Check(PostMassKg) is { } post)
        {
            problems.Add(post);
        }

        if (!Finite(FluidInLitres) || FluidInLitres < 0 || FluidInLitres > 20)
        {
            problems.Add(Say($"fluid drunk must be between 0 and 20 L (got {FluidInLitres})"));
        }

        if (!Finite(UrineLitres) || UrineLitres < 0 || UrineLitres > 10)
        {
            problems.Add(Say($"urine must be between 0 and 10 L (got {UrineLitres})"));
        }

        if (!Finite(Minutes) || Minutes <= 0 || Minutes > 24 * 60)
        {
            problems.Add(Say($"duration must be more than 0 and at most 1440 minutes (got {Minutes})"));
        }

        if (problems.Count == 0 && SweatLossLitres < 0)
        {
            problems.Add(Say($"the numbers give a negative sweat loss ({SweatLossLitres:0.###} L): post mass {PostMassKg} kg is above pre mass {PreMassKg} kg by more than the fluid drunk minus urine; check the weighings"));
        }

        if (problems.Count == 0 && SweatLossLitres / Minutes * 60 > 6)
        {
            problems.Add(Say($"a sweat rate of {SweatLossLitres / Minutes * 60:0.##} L/h is beyond the highest measured in athletes (5.73 L/h, Baker et al. 2016); check the numbers"));
        }

        return problems;
    }

    /// <summary>Sweat lost over the session, L.</summary>
    public double SweatLossLitres => PreMassKg - PostMassKg + FluidInLitres - UrineLitres;

    /// <summary>Sweat rate, L/h.</summary>
    public double LitresPerHour => SweatLossLitres / (Minutes / 60);

    /// <summary>Body mass lost over the session as a percentage of the pre-exercise mass.</summary>
    public double PercentBodyMassLost => (PreMassKg - PostMassKg) / PreMassKg * 100;

    private static string Say(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
