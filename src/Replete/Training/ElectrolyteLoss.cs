namespace Replete.Training;

/// <summary>Estimated loss of one electrolyte in sweat, per hour.</summary>
/// <param name="Electrolyte">sodium, potassium, magnesium or calcium.</param>
/// <param name="MilligramsPerHour">Low and high estimate, mg/h.</param>
/// <param name="Measured">True where the person's measured sweat concentration was used.</param>
public sealed record ElectrolyteLoss(string Electrolyte, Range MilligramsPerHour, bool Measured);
