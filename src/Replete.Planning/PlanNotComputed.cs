using System.Globalization;
using Google.OrTools.LinearSolver;

namespace Replete.Planning;

/// <summary>Why a plan could not be computed: the solver (OR-Tools GLOP) gave no answer to use. The usual diet is then
/// shown unchanged, no nutrient is called a problem nutrient and no food change is judged: "could not be computed" is
/// not "computed, and no change helps".</summary>
/// <param name="SolverStatus">The solver's result status as OR-Tools names it (INFEASIBLE, NOT_SOLVED, FEASIBLE,
/// ABNORMAL, UNBOUNDED, MODEL_INVALID), or OPTIMAL where each program solved but no plan kept to
/// <see cref="DayPlanner.MostFoodsChanged"/> changed foods.</param>
/// <param name="Reason">What that status means for this plan, in words.</param>
public sealed record PlanNotComputed(string SolverStatus, string Reason)
{
    /// <summary>The reason for a solver status.</summary>
    /// <param name="status">The status of the last solve.</param>
    /// <param name="timeLimit">The time each stage could take (<see cref="PlanRequest.SolverTimeLimit"/>).</param>
    /// <param name="mostFoodsChanged">Given where every solve ended but the plan could not be kept to this many changed foods.</param>
    internal static PlanNotComputed For(Solver.ResultStatus status, TimeSpan timeLimit, int? mostFoodsChanged = null)
    {
        var seconds = timeLimit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        var reason = (status, mostFoodsChanged) switch
        {
            (Solver.ResultStatus.OPTIMAL, { } most) => $"no plan could be kept to at most {most} changed foods",
            (Solver.ResultStatus.INFEASIBLE, _) => "the solver found that no diet meets every hard limit together (each UL, the portions, the energy band, the foods held at their usual amount)",
            (Solver.ResultStatus.NOT_SOLVED, _) => $"the solver stopped before it had an answer (time limit {seconds} s a stage)",
            (Solver.ResultStatus.FEASIBLE, _) => $"the solver stopped at its time limit ({seconds} s a stage) before it could prove an answer best",
            (Solver.ResultStatus.UNBOUNDED, _) => "the solver found the program unbounded (a fault in Replete's model)",
            (Solver.ResultStatus.MODEL_INVALID, _) => "the solver rejected the program as invalid (a fault in Replete's model or in a food's values)",
            _ => "the solver failed (numerical trouble)",
        };
        return new PlanNotComputed(status.ToString(), reason);
    }
}
