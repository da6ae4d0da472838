namespace Replete.Training;

/// <summary>One planned session in a training week.</summary>
public sealed record PlannedSession(DayOfWeek Day, string SportId, double Minutes, Intensity Intensity);
