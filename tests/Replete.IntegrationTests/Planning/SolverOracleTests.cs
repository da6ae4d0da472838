using System.Globalization;
using Google.OrTools.LinearSolver;

namespace Replete.IntegrationTests.Planning;

/// <summary>The linear-programming substrate the planner stands on, checked against an oracle: Stigler's diet (optimum
/// $0.1086623 a day from five foods; Stigler 1945, Dantzig 1963) and agreement in status and objective between GLOP,
/// which the planner uses, and COIN-OR CLP, an independent simplex code in the same package, on 1,000 generated
/// feasible and infeasible diet problems.</summary>
public class SolverOracleTests
{
    private static (string[] Foods, double[] Minimum, double[][] PerDollar) Stigler()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Planning", "stigler_1945.csv")).Where(l => !l.StartsWith('#')).Skip(1).ToList();
        static double[] Numbers(string line) => [.. SplitCsv(line).Skip(1).Select(v => double.Parse(v, CultureInfo.InvariantCulture))];
        var rows = lines.Skip(1).ToList();
        return ([.. rows.Select(r => SplitCsv(r)[0])], Numbers(lines[0]), [.. rows.Select(Numbers)]);
    }

    private static string[] SplitCsv(string line)
    {
        if (!line.StartsWith('"'))
        {
            return line.Split(',');
        }

        var end = line.IndexOf('"', 1);
        return [line[1..end], .. line[(end + 2)..].Split(',')];
    }

    /// <summary>Minimum cost (the sum of the amounts, each food's unit being a dollar) meeting every minimum, each food
    /// at most <paramref name="most"/>: status and objective.</summary>
    private static (Solver.ResultStatus Status, double Cost, double[] Amounts) Solve(string backend, double[] minimum, double[][] perUnit, double[]? most = null)
    {
        using var solver = Solver.CreateSolver(backend) ?? throw new InvalidOperationException($"{backend} is not in this OR-Tools build");
        var x = perUnit.Select((_, j) => solver.MakeNumVar(0, most?[j] ?? double.PositiveInfinity, $"x{j}")).ToArray();
        for (var i = 0; i < minimum.Length; i++)
        {
            var row = solver.MakeConstraint(minimum[i], double.PositiveInfinity, $"n{i}");
            for (var j = 0; j < perUnit.Length; j++)
            {
                row.SetCoefficient(x[j], perUnit[j][i]);
            }
        }

        var objective = solver.Objective();
        foreach (var v in x)
        {
            objective.SetCoefficient(v, 1);
        }

        objective.SetMinimization();
        var status = solver.Solve();
        return status == Solver.ResultStatus.OPTIMAL ? (status, objective.Value(), [.. x.Select(v => v.SolutionValue())]) : (status, double.NaN, []);
    }

    [Theory]
    [InlineData("GLOP")]
    [InlineData("CLP")]
    public void StiglersDiet_CostsTenPointEightSevenCentsADay_FromFiveFoods(string backend)
    {
        var (foods, minimum, perDollar) = Stigler();
        Assert.Equal(77, foods.Length);
        var (status, cost, amounts) = Solve(backend, minimum, perDollar);
        Assert.Equal(Solver.ResultStatus.OPTIMAL, status);
        Assert.Equal(0.1086623, cost, 7);
        Assert.Equal(39.6617, cost * 365, 4);
        Assert.Equal(["Cabbage", "Liver (Beef)", "Navy Beans, Dried", "Spinach", "Wheat Flour (Enriched)"],
            foods.Where((_, j) => amounts[j] > 1e-9).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void GlopAndClp_AgreeOnAThousandGeneratedProblems_FeasibleAndNot()
    {
        var random = new Random(20261130);
        var (feasible, infeasible) = (0, 0);
        for (var n = 0; n < 1000; n++)
        {
            var foods = random.Next(3, 40);
            var nutrients = random.Next(1, 10);
            // Sparse, diet-like coefficients: most foods lack most nutrients (zeros), amounts spread over decades.
            var perUnit = Enumerable.Range(0, foods).Select(_ => Enumerable.Range(0, nutrients)
                .Select(_ => random.NextDouble() < 0.4 ? 0 : Math.Pow(10, (random.NextDouble() * 4) - 2)).ToArray()).ToArray();
            var minimum = Enumerable.Range(0, nutrients).Select(_ => Math.Pow(10, (random.NextDouble() * 3) - 1)).ToArray();
            // Portion limits make about half the problems infeasible.
            var most = Enumerable.Range(0, foods).Select(_ => random.NextDouble() * 1.5).ToArray();
            var glop = Solve("GLOP", minimum, perUnit, most);
            var clp = Solve("CLP", minimum, perUnit, most);
            Assert.True(glop.Status == clp.Status, $"problem {n}: GLOP {glop.Status}, CLP {clp.Status}");
            if (glop.Status == Solver.ResultStatus.OPTIMAL)
            {
                feasible++;
                Assert.True(Math.Abs(glop.Cost - clp.Cost) <= 1e-6 * Math.Max(1, Math.Abs(glop.Cost)), $"problem {n}: GLOP {glop.Cost}, CLP {clp.Cost}");
            }
            else
            {
                infeasible++;
                Assert.Equal(Solver.ResultStatus.INFEASIBLE, glop.Status);
            }
        }

        Assert.True(feasible >= 200 && infeasible >= 200, $"{feasible} feasible, {infeasible} infeasible");
    }
}
