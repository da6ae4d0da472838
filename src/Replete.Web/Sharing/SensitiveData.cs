using System.Text.Json.Nodes;
using Replete.Assessment;
using Replete.Storage.Records;

namespace Replete.Web.Sharing;

/// <summary>Leaves sensitive data classes out of what a coach sees unless the athlete turned each on: fields (a profile's
/// <c>pregnant</c>, a history's <c>medications</c>), ids in lists (<c>heavy_periods</c>, <c>statin</c>), and objects
/// in a report that stand for one (an evidence item whose <c>code</c> is <c>heavy_periods</c>).</summary>
internal static class SensitiveData
{
    private static readonly (SharedClasses Class, string[] Fields, string[] Ids)[] Classes =
    [
        (SharedClasses.MenstrualHistory, ["months_without_period"], ["heavy_periods", "missed_periods", "oral_contraceptives", "menstrual_dysfunction", "amenorrhea"]),
        (SharedClasses.Pregnancy, ["pregnant", "lactating"], ["pregnancy", "pregnant", "lactating", "lactation"]),
        (SharedClasses.Medications, ["medications"], [.. History.MedicationRiskIds]),
    ];

    private static readonly string[] IdFields = ["code", "id", "risk_factor", "risk_id", "flag_id", "cause_id", "symptom_id"];

    // Words that put an id (a red flag, another cause) in a class: a red flag about periods or a statin tells what the
    // class holds as surely as the risk factor does.
    private static readonly (SharedClasses Class, string[] Words)[] IdWords =
    [
        (SharedClasses.MenstrualHistory, ["period", "menstru", "amenorr", "contracepti"]),
        (SharedClasses.Pregnancy, ["pregnan", "lactat"]),
        (SharedClasses.Medications, [.. History.MedicationRiskIds, "medic", "drug"]),
    ];

    /// <summary>The fields and ids hidden from someone who may see <paramref name="shared"/>.</summary>
    public static (HashSet<string> Fields, HashSet<string> Ids) Hidden(SharedClasses shared)
    {
        var fields = new HashSet<string>(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (kind, f, i) in Classes.Where(c => (shared & c.Class) == 0))
        {
            fields.UnionWith(f);
            ids.UnionWith(i);
        }

        // Every knowledge-base id (symptoms, risk factors, red flags, other causes) whose name puts it in a hidden class.
        var kb = Replete.Knowledge.KnowledgeBase.Default;
        var known = kb.RedFlags.Select(f => f.FlagId).Concat(kb.OtherCauses.Select(c => c.CauseId));
        foreach (var (kind, words) in IdWords.Where(c => (shared & c.Class) == 0))
        {
            ids.UnionWith(known.Where(id => words.Any(w => id.Contains(w, StringComparison.Ordinal))));
        }

        return (fields, ids);
    }

    /// <summary>Removes what <paramref name="shared"/> does not cover from <paramref name="node"/> (in place) and returns it.
    /// An object left empty by the removal goes too (a check-in's <c>history</c> that held only medicines), so that what
    /// remains looks the same as a record that never held the class.</summary>
    public static T Hide<T>(T node, SharedClasses shared)
        where T : JsonNode
    {
        var (fields, ids) = Hidden(shared);
        if (fields.Count > 0 || ids.Count > 0)
        {
            Walk(node, fields, ids);
        }

        return node;
    }

    /// <summary>The sensitive classes <paramref name="document"/> holds: each class whose removal changes it.</summary>
    public static SharedClasses Present(JsonObject document)
    {
        var text = document.ToJsonString();
        return Enum.GetValues<SharedClasses>().Where(c => c != SharedClasses.None)
            .Where(c => Hide((JsonObject)document.DeepClone(), AthleteAccess.AllClasses & ~c).ToJsonString() != text)
            .Aggregate(SharedClasses.None, (all, c) => all | c);
    }

    private static void Walk(JsonNode? node, HashSet<string> fields, HashSet<string> ids)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).Where(fields.Contains).ToList())
                {
                    obj.Remove(name);
                }

                foreach (var (name, value) in obj.ToList())
                {
                    var wasEmpty = value is JsonObject { Count: 0 };
                    Walk(value, fields, ids);
                    if (!wasEmpty && value is JsonObject { Count: 0 })
                    {
                        obj.Remove(name);
                    }
                }

                break;
            case JsonArray array:
                for (var i = array.Count - 1; i >= 0; i--)
                {
                    if (Names(array[i], ids))
                    {
                        array.RemoveAt(i);
                    }
                    else
                    {
                        Walk(array[i], fields, ids);
                    }
                }

                break;
        }
    }

    private static bool Names(JsonNode? item, HashSet<string> ids) => item switch
    {
        JsonValue value => value.TryGetValue<string>(out var text) && ids.Contains(text),
        JsonObject obj => IdFields.Any(k => obj[k] is JsonValue v && v.TryGetValue<string>(out var text) && ids.Contains(text)),
        _ => false,
    };
}
