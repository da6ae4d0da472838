namespace Replete.Training;

/// <summary>A planned session, and what is known of the athlete's sweat.</summary>
/// <param name="SportId">Sport id (see <see cref="References.Sports"/>).</param>
/// <param name="Minutes">Planned duration.</param>
/// <param name="Intensity">Planned intensity.</param>
/// <param name="TemperatureC">Expected air temperature, or null.</param>
/// <param name="BodyMassKg">Body mass, or null.</param>
/// <param name="MeasuredSweatRateLitresPerHour">From a sweat-rate test in similar conditions, or null.</param>
/// <param name="SweatSodiumMmolPerLitre">Measured sweat sodium, or null.</param>
/// <param name="HoursToNextSession">Hours until the next session, or null.</param>
public sealed record SessionRequest(
    string SportId,
    double Minutes,
    Intensity Intensity,
    double? TemperatureC = null,
    double? BodyMassKg = null,
    double? MeasuredSweatRateLitresPerHour = null,
    double? SweatSodiumMmolPerLitre = null,
    double? HoursToNextSession = null)
{
    /// <summary>Problems that make the request impossible.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!References.Sports.TryGet(SportId, out _))
        {
            problems.Add($"unknown sport '{SportId}'; known sports: {string.Join(", ", References.Sports.All.Select(s => s.Id))}");
        }

        if (!double.IsFinite(Minutes) || Minutes <= 0 || Minutes > 24 * 60)
        {
            problems.Add(FormattableString.Invariant($"minutes must be more than 0 and at most 1440 (got {Minutes})"));
        }

        // Air temperatures outside this range are not plausible for training outdoors or in.
        if (TemperatureC is { } t && (!double.IsFinite(t) || t < -40 || t > 55))
        {
            problems.Add(FormattableString.Invariant($"temperature must be between -40 and 55 °C (got {t})"));
        }

        if (BodyMassKg is { } kg && (!double.IsFinite(kg) || kg < 20 || kg > 300))
        {
            problems.Add(FormattableString.Invariant($"body mass must be between 20 and 300 kg (got {kg})"));
        }

        if (MeasuredSweatRateLitresPerHour is { } rate && (!double.IsFinite(rate) || rate <= 0 || rate > 6))
        {
            problems.Add(FormattableString.Invariant($"sweat rate must be more than 0 and at most 6 L/h (got {rate})"));
        }

        // Baker et al. 2016 measured 13-105 mmol/L on the forearm; 10-150 allows for other methods.
        if (SweatSodiumMmolPerLitre is { } na && (!double.IsFinite(na) || na < 10 || na > 150))
        {
            problems.Add(FormattableString.Invariant($"sweat sodium must be between 10 and 150 mmol/L (got {na})"));
        }

        if (HoursToNextSession is { } next && (!double.IsFinite(next) || next < 0 || next > 168))
        {
            problems.Add(FormattableString.Invariant($"hours to the next session must be between 0 and 168 (got {next})"));
        }

        return problems;
    }
}
