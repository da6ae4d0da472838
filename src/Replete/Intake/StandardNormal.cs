namespace Replete.Intake;

/// <summary>The standard normal distribution.</summary>
public static class StandardNormal
{
    /// <summary>Phi(z), the cumulative distribution function.</summary>
    /// <remarks>Via the complementary error function, Chebyshev fit <c>erfcc</c> of Numerical Recipes in C
    /// (Press et al. 1992, 2nd ed., section 6.2), fractional error below 1.2e-7 everywhere.</remarks>
    public static double Cdf(double z)
    {
        if (double.IsNaN(z))
        {
            return double.NaN;
        }

        return 0.5 * Erfc(-z / Math.Sqrt(2));
    }

    /// <summary>The inverse of <see cref="Cdf"/> by bisection; precise to 1e-9.</summary>
    public static double Quantile(double p)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(p);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(p, 1);
        double lo = -40, hi = 40;
        while (hi - lo > 1e-9)
        {
            var mid = (lo + hi) / 2;
            if (Cdf(mid) < p)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return (lo + hi) / 2;
    }

    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + (0.5 * z));
        ReadOnlySpan<double> c =
        [
            -1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806,
            0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277,
        ];
        var poly = c[^1];
        for (var i = c.Length - 2; i >= 0; i--)
        {
            poly = c[i] + (t * poly);
        }

        var r = t * Math.Exp(-(z * z) + poly);
        return x >= 0 ? r : 2 - r;
    }
}
