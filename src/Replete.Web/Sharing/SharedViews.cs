using System.Text.Json;
using System.Text.Json.Nodes;
using Replete.Data;
using Replete.Storage.Records;

namespace Replete.Web.Sharing;

/// <summary>What a coach sees of a saved snapshot when the athlete has not shared every sensitive class with them.</summary>
/// <remarks>Removing the words is not enough: a report computed from a pregnancy, a statin or months without a period
/// tells through its numbers (the pregnancy's iron target, the statin's red flag, the triage a missed period raises).
/// So a snapshot keeps, beside the athlete's report, the report computed again from the same stored inputs with each
/// combination of the classes they held left out, and a coach reads the one that leaves out what their grant does not
/// share: the same report, field by field, as an athlete who never had that data. Which classes were left out is
/// never said; every coach lacking a class is told that such data, if any, is left out.</remarks>
internal static class SharedViews
{
    /// <summary>The report computed without <paramref name="Hidden"/>: its triage (wire name), the biomarkers its plan
    /// calls to retest at a sourced interval, the nutrients whose retest has no source, and the report itself.</summary>
    public sealed record View(IReadOnlyList<SharedClasses> Hidden, string Triage, IReadOnlyList<string> Retests, IReadOnlyList<string> RetestUnsourced, JsonObject Report);

    /// <summary>What a snapshot keeps: the sensitive classes its inputs held and one view per non-empty combination of
    /// them (none when the inputs held none).</summary>
    public sealed record Kept(IReadOnlyList<SharedClasses> Present, IReadOnlyList<View> Views);

    /// <summary>What one reader sees of a snapshot: its triage and report (both null when withheld: a snapshot saved
    /// before views were kept, read by a coach lacking a class), the retest biomarkers whose reminders from it they see
    /// (null for all), and the nutrients with no sourced retest (null when not known).</summary>
    public sealed record Seen(string? Triage, JsonObject? Report, IReadOnlySet<string>? Retests, IReadOnlyList<string>? RetestUnsourced);

    private static readonly JsonSerializerOptions Compact = new(WireJson.Options) { WriteIndented = false };

    private static readonly SharedClasses[] Single = [SharedClasses.MenstrualHistory, SharedClasses.Pregnancy, SharedClasses.Medications];

    /// <summary>Every non-empty combination of the classes in <paramref name="present"/>.</summary>
    public static IEnumerable<SharedClasses> Combinations(SharedClasses present)
    {
        for (var mask = 1; mask <= (int)AthleteAccess.AllClasses; mask++)
        {
            if (((SharedClasses)mask & ~present) == 0)
            {
                yield return (SharedClasses)mask;
            }
        }
    }

    /// <summary>The single classes in <paramref name="classes"/>.</summary>
    public static IReadOnlyList<SharedClasses> List(SharedClasses classes) => [.. Single.Where(c => (classes & c) != 0)];

    private static SharedClasses Flags(IEnumerable<SharedClasses> classes) => classes.Aggregate(SharedClasses.None, (all, c) => all | c);

    /// <summary>The column value of <see cref="Snapshot.SharedViews"/>.</summary>
    public static string Write(Kept kept) => JsonSerializer.Serialize(kept, Compact);

    /// <summary>What <paramref name="access"/> sees of <paramref name="snapshot"/>. The owner and a coach sharing every class
    /// the inputs held see the athlete's report; a coach lacking one of them sees the view without it, and what remains of
    /// the sensitive words is removed as well.</summary>
    public static Seen For(Snapshot snapshot, AthleteAccess access)
    {
        if (access.IsOwner)
        {
            return new(snapshot.Triage, JsonNode.Parse(snapshot.Report)!.AsObject(), null, null);
        }

        if (snapshot.SharedViews is null)
        {
            return access.Shared == AthleteAccess.AllClasses
                ? new(snapshot.Triage, JsonNode.Parse(snapshot.Report)!.AsObject(), null, null)
                : new(null, null, new HashSet<string>(), null);
        }

        var kept = JsonSerializer.Deserialize<Kept>(snapshot.SharedViews, Compact)!;
        var hidden = Flags(kept.Present) & ~access.Shared;
        if (hidden == SharedClasses.None)
        {
            return new(snapshot.Triage, SensitiveData.Hide(JsonNode.Parse(snapshot.Report)!.AsObject(), access.Shared), null, null);
        }

        var view = kept.Views.Single(v => Flags(v.Hidden) == hidden);
        return new(view.Triage, SensitiveData.Hide(view.Report, access.Shared), view.Retests.ToHashSet(StringComparer.Ordinal), view.RetestUnsourced);
    }

    /// <summary>What a reader lacking some sensitive classes is told: which classes are not shared with them (their grant
    /// says so already) and that anything of them, and everything computed from it, is left out; never whether the athlete
    /// has any. Null for a reader who sees every class.</summary>
    public static JsonObject? LeftOut(AthleteAccess access) => access.Shared == AthleteAccess.AllClasses ? null : new JsonObject
    {
        ["classes"] = new JsonArray([.. List(AthleteAccess.AllClasses & ~access.Shared).Select(c => (JsonNode)JsonNamingPolicy.SnakeCaseLower.ConvertName(c.ToString()))]),
        ["note"] = "The athlete has not shared these classes with you: anything of them, and everything computed from it, is left out, "
            + "so this reads as if there were none. Whether the athlete has any is not shown.",
    };
}
