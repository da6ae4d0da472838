using Replete.Documents;

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

        if (InputLimits.SessionMinutes.Check(Minutes) is { } minutes)
        {
            problems.Add(minutes);
        }

        // Air temperatures outside this range are not plausible for training outdoors or in.
        if (TemperatureC is { } t && (!double.IsFinite(t) || t < -40 || t > 55))
        {
            problems.Add(FormattableString.Invariant($"temperature must be between -40 and 55 °C (got {t})"));
        }

        if (BodyMassKg is { } kg && InputLimits.AthleteBodyMassKg.Check(kg) is { } mass)
        {
            problems.Add(mass);
        }

        if (MeasuredSweatRateLitresPerHour is { } rate && InputLimits.SweatRateLitresPerHour.Check(rate) is { } sweat)
        {
            problems.Add(sweat);
        }

        if (SweatSodiumMmolPerLitre is { } na && InputLimits.SweatSodiumMmolPerLitre.Check(na) is { } sodium)
        {
            problems.Add(sodium);
        }

        if (HoursToNextSession is { } next && (!double.IsFinite(next) || next < 0 || next > 168))
        {
            problems.Add(FormattableString.Invariant($"hours to the next session must be between 0 and 168 (got {next})"));
        }

        return problems;
    }
}
