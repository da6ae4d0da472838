namespace Replete.Planning;

/// <summary>What kind of plan was made.</summary>
public enum PlanStatus
{
    /// <summary>A food plan, with supplement guidance where food cannot close a gap or a lab confirms a low.</summary>
    Planned,

    /// <summary>The triage says see a doctor: the plan keeps to food; any supplement for a flagged nutrient is the
    /// doctor's decision.</summary>
    FoodOnly,

    /// <summary>An emergency: no plan at all; the emergency is the message.</summary>
    NoPlan,

    /// <summary>No diet to plan from (no logged days with foods of known weight).</summary>
    NoDiet,

    /// <summary>No plan: so much of the food log was not counted (<see cref="PlanFoodLog.RefuseFromShareNotCounted"/>,
    /// Replete's rule) that a plan would rest on too little of it.</summary>
    LogNotCounted,
}
