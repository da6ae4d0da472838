namespace Replete.Targets;

/// <summary>What the person's protein target is for.</summary>
public enum ProteinGoal
{
    /// <summary>Training and recovery at energy balance.</summary>
    General,

    /// <summary>Training while losing weight, or during injury.</summary>
    EnergyRestriction,
}
