using Replete.Data;

namespace Replete.Knowledge;

/// <summary>How well a fact is sourced (<c>../shared/reference/science.md</c> key): primary (read in the original),
/// secondary (a review or summary), unverified (to be checked).</summary>
public enum EvidenceGrade
{
    /// <summary>Read in the original publication.</summary>
    Primary,

    /// <summary>From a review, summary or guideline quoting it.</summary>
    Secondary,

    /// <summary>Not yet checked against a source; the output must say so.</summary>
    Unverified,
}

/// <summary>How strongly a sign or risk factor points to a nutrient: qualitative, because the literature gives no
/// likelihood ratios for these links (see data/KNOWLEDGE.md).</summary>
public enum LinkStrength
{
    /// <summary>A weak or disputed link (magnesium for ordinary exercise cramps).</summary>
    Weak,

    /// <summary>A consistent but not specific link.</summary>
    Moderate,

    /// <summary>A classic, well-documented link (B12 and tingling with a vegan diet).</summary>
    Strong,
}

/// <summary>What a red flag means for the person: it heads every output and stops self-treatment advice.</summary>
public enum TriageLevel
{
    /// <summary>No red flag: self-care is reasonable.</summary>
    SelfCare,

    /// <summary>See a doctor soon (days), before acting on nutrition advice.</summary>
    SeeDoctorSoon,

    /// <summary>See a doctor today: a result or sign that cannot wait days, though not an emergency.</summary>
    SeeDoctorToday,

    /// <summary>Emergency care now.</summary>
    Emergency,
}

/// <summary>A symptom or sign and a nutrient it can point to.</summary>
public sealed record SymptomLink(string SymptomId, string Label, IReadOnlyList<string> Aliases, string Nutrient, string Direction, LinkStrength Strength, string Source, EvidenceGrade Evidence, string Note)
{
    /// <summary>The condition under which <see cref="Strength"/> holds (lab_low:hemoglobin, symptom:restless_legs,
    /// lab_below:potassium:3.0); otherwise the link is weak. Empty when it always holds.</summary>
    public string StrongOnlyIf { get; init; } = "";
}

/// <summary>A risk factor and what it does to a nutrient's requirement or status.</summary>
public sealed record RiskFactorLink(string RiskId, string Label, IReadOnlyList<string> Aliases, string Nutrient, string Effect, LinkStrength Strength, double? Factor, string Source, EvidenceGrade Evidence, string Note)
{
    /// <summary>endurance_sport where the link holds only for endurance sports; empty when it always holds.</summary>
    public string AppliesIf { get; init; } = "";
}

/// <summary>A red flag: refer, do not self-treat.</summary>
public sealed record RedFlag(string FlagId, string Label, IReadOnlyList<string> Aliases, TriageLevel Triage, string Message, string Source, EvidenceGrade Evidence);

/// <summary>A red flag inferred from what a person says (data/red_flag_rules.csv): raised when every condition holds.</summary>
/// <param name="FlagId">The red flag it raises.</param>
/// <param name="When">The conditions, all of which must hold (the grammar of data/lab_confounders.csv conditions).</param>
/// <param name="Reason">What the report says raised it.</param>
/// <param name="Source">The source tying the combination to the flag.</param>
/// <param name="Evidence">The source's grade.</param>
public sealed record RedFlagRule(string FlagId, IReadOnlyList<string> When, string Reason, string Source, EvidenceGrade Evidence);

/// <summary>An intake at which harm was seen (data/harm_levels.csv): the LOAEL or NOAEL a UL was derived from, another
/// body's reference point (B6: EFSA 2023), or a dose of acute poisoning. Compared with the intake the nutrient's UL check
/// compares (<see cref="Intake.UpperLimitCheck.IntakeCompared"/>).</summary>
/// <param name="Nutrient">The catalog nutrient id.</param>
/// <param name="Level">The level, in the nutrient's catalog unit a day (per kg of body mass where <paramref name="PerKg"/>).</param>
/// <param name="PerKg">Whether <paramref name="Level"/> is per kg of body mass.</param>
/// <param name="Kind">"loael" (reached at or above the level), "noael" (reached above it), "reference_point" (a body's
/// starting point for its own UL where it could set neither; reached at or above it) or "acute".</param>
/// <param name="Flag">The red flag raised when it is reached, or empty where the effect is mild and stops when the dose is
/// lowered.</param>
/// <param name="Effect">The harm, in plain words.</param>
/// <param name="Source">The report and page.</param>
/// <param name="Evidence">The source's grade.</param>
public sealed record HarmLevel(string Nutrient, double Level, bool PerKg, string Kind, string Flag, string Effect, string Source, EvidenceGrade Evidence)
{
    /// <summary>The body whose number it is (data/harm_levels.csv column body): "IOM", "EFSA" or "AAPCC".</summary>
    public string Body { get; init; } = UlBody;

    /// <summary>The body whose ULs Replete applies (data/dri.csv: the IOM/NASEM DRI reports). A level of another body is
    /// not the basis of the UL checked, and the report says so.</summary>
    public const string UlBody = "IOM";

    /// <summary>Who the level applies to: empty for everyone, or "pregnant" (vitamin A's teratogenicity threshold, IOM
    /// 2001 ch.4).</summary>
    public string LifeStage { get; init; } = "";

    /// <summary>Whether the level applies to <paramref name="person"/> (its <see cref="LifeStage"/>).</summary>
    public bool AppliesTo(References.Person person) =>
        LifeStage.Length == 0 || (LifeStage == "pregnant" && person?.Reproductive == References.ReproductiveStatus.Pregnant);

    /// <summary>The level for a person of <paramref name="bodyMassKg"/>, or null where it is per kg and the mass is
    /// unknown. <paramref name="scale"/> (at most 1) scales a level that is not per kg for a child or adolescent whose
    /// UL is below the adult one (the ratio of the two ULs; see data/harm_levels.csv).</summary>
    public double? For(double? bodyMassKg, double scale = 1) => PerKg ? Level * bodyMassKg : Level * scale;

    /// <summary>Whether <paramref name="intake"/> (a day, catalog unit) reaches the level for a person of
    /// <paramref name="bodyMassKg"/>, scaled by <paramref name="scale"/>: at or above a LOAEL, reference point or acute
    /// dose, above a NOAEL.</summary>
    public bool ReachedBy(double intake, double? bodyMassKg, double scale = 1) => For(bodyMassKg, scale) is { } level && (Kind == "noael" ? intake > level : intake >= level);

    /// <summary>"at or above", or "above" for a NOAEL.</summary>
    public string Comparison => Kind == "noael" ? "above" : "at or above";

    /// <summary>What the level is and whose, for a report: "the lowest intake at which harm was seen (IOM's LOAEL)", "the
    /// reference point EFSA set its own UL from (not a LOAEL or NOAEL; the UL applied here, 100 mg/d, is IOM's)".</summary>
    /// <param name="appliedUl">The UL the intake is checked against, in words ("100 mg/d"), named where the level is not
    /// that UL's basis (another body's level); or null where no UL applies (an infant's, not determinable).</param>
    public string InWords(string? appliedUl = null)
    {
        var whose = Body == UlBody || Kind == "acute" || appliedUl is null ? "" : $"; the UL applied here, {appliedUl}, is {UlBody}'s";
        return Kind switch
        {
            "noael" => $"the most that was taken without harm ({Body}'s NOAEL{whose})",
            "acute" => $"a dose at which acute poisoning was reported ({Body})",
            "reference_point" => $"the reference point {Body} set its own UL from (not a LOAEL or NOAEL{whose})",
            _ => $"the lowest intake at which harm was seen ({Body}'s LOAEL{whose})",
        };
    }

    /// <summary>The kind and body in a few words, for a red flag: "IOM's LOAEL", "EFSA's reference point".</summary>
    public string KindShort => $"{Body}'s " + Kind switch
    {
        "reference_point" => "reference point",
        "acute" => "acute poisoning dose",
        _ => Kind.ToUpperInvariant(),
    };
}

/// <summary>A cause other than a deficiency to weigh first (dehydration, ordinary soreness, overreaching, RED-S).</summary>
/// <param name="CauseId">The cause id.</param>
/// <param name="Label">Its name.</param>
/// <param name="SuggestedBy">The symptom, risk factor and red flag ids that suggest it (each checked at load).</param>
/// <param name="WhatToConsider">What to weigh or do.</param>
/// <param name="Source">The source.</param>
/// <param name="Evidence">The source's grade.</param>
public sealed record OtherCause(string CauseId, string Label, IReadOnlyList<string> SuggestedBy, string WhatToConsider, string Source, EvidenceGrade Evidence)
{
    /// <summary>Words a person or clinician would notice ("dark yellow urine"), shown with the cause, never matched.</summary>
    public IReadOnlyList<string> Cues { get; init; } = [];

    /// <summary>Conditions, any one of which must hold for the cause to be named (a statin for statin myopathy); empty
    /// when the suggesting ids are enough.</summary>
    public IReadOnlyList<string> Requires { get; init; } = [];
}

/// <summary>A word a person uses for what they feel or what has happened to them that links to no nutrient
/// (data/vocabulary.csv): a fall, a tick bite, dark urine. Red-flag rules and other causes use it; it is no evidence
/// for or against a nutrient.</summary>
/// <param name="Id">The id, given under <c>symptoms</c> or <c>risk_factors</c> as <paramref name="Kind"/> says.</param>
/// <param name="Kind">Symptom or risk factor.</param>
/// <param name="Label">Its name.</param>
/// <param name="Aliases">The words people type for it.</param>
public sealed record KnowledgeTerm(string Id, KnowledgeIdKind Kind, string Label, IReadOnlyList<string> Aliases);

/// <summary>A recovery system and a nutrient it depends on.</summary>
public sealed record RecoverySystemLink(string System, string Label, string Nutrient, string Source);

/// <summary>The reviewed knowledge base in <c>data/</c>: symptoms, risk factors, other causes and red flags, every
/// entry with its source and evidence grade.</summary>
public sealed class KnowledgeBase
{
    /// <summary>The knowledge base in <paramref name="set"/>'s tables (symptoms, risk factors, red flags and the rules
    /// that infer them, lab confounders, critical lab values, recovery systems, other causes), for a test or a
    /// deployment that substitutes a table.</summary>
    /// <exception cref="InvalidDataException">An other cause names an id no table has.</exception>
    public KnowledgeBase(ReferenceSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        Symptoms = [.. set.Rows("symptoms.csv").Select(row => new SymptomLink(
            row.Text("symptom_id"), row.Text("label"), List(row.Text("aliases")), row.Text("nutrient"), row.Text("direction"),
            Strength(row), row.Text("source"), Grade(row), row.Text("note"))
        {
            StrongOnlyIf = row.Text("strong_only_if"),
        })];
        RiskFactors = [.. set.Rows("risk_factors.csv").Select(row => new RiskFactorLink(
            row.Text("risk_id"), row.Text("label"), List(row.Text("aliases")), row.Text("nutrient"), row.Text("effect"),
            Strength(row), row.OptionalNumber("factor"), row.Text("source"), Grade(row), row.Text("note"))
        {
            AppliesIf = row.Text("applies_if"),
        })];
        RedFlags = [.. set.Rows("red_flags.csv").Select(row => new RedFlag(
            row.Text("flag_id"), row.Text("label"), List(row.Text("aliases")), Triage(row), row.Text("message"), row.Text("source"), Grade(row)))];
        RedFlagRules = [.. set.Rows("red_flag_rules.csv").Select(row => new RedFlagRule(
            row.Text("flag_id"), row.Text("when").Split('&', StringSplitOptions.TrimEntries), row.Text("reason"), row.Text("source"), Grade(row)))];
        HarmLevels = [.. set.Rows("harm_levels.csv").Select(row => new HarmLevel(
            row.Text("nutrient"), row.Number("level"), row.Text("per_kg") == "yes", row.Text("kind"), row.Text("flag"), row.Text("effect"), row.Text("source"), Grade(row))
        {
            Body = row.Text("body"),
            LifeStage = row.Text("life_stage"),
        })];
        LabConfounders = Assessment.LabConfounders.Rules(set);
        CriticalLabs = Assessment.RecoveryAssessor.CriticalRules(set);
        RecoverySystems = [.. set.Rows("recovery_systems.csv").Select(row => new RecoverySystemLink(
            row.Text("system"), row.Text("label"), row.Text("nutrient"), row.Text("source")))];
        Terms = [.. set.Rows("vocabulary.csv").Select(row => new KnowledgeTerm(
            row.Text("id"), row.Text("kind") == "symptom" ? KnowledgeIdKind.Symptom : KnowledgeIdKind.RiskFactor, row.Text("label"), List(row.Text("aliases"))))];
        foreach (var term in Terms.Where(t => Symptoms.Any(s => s.SymptomId == t.Id) || RiskFactors.Any(r => r.RiskId == t.Id)))
        {
            throw new InvalidDataException($"vocabulary.csv: id: '{term.Id}' repeats an id of symptoms.csv or risk_factors.csv.");
        }

        aliases = Enum.GetValues<KnowledgeIdKind>().ToDictionary(kind => kind, AliasesOf);
        singulars = aliases.ToDictionary(kind => kind.Key, kind => Singulars(kind.Value));
        phrasesOf = aliases.ToDictionary(kind => kind.Key, kind => kind.Value.Select(w => (Words: Words(w.Key), Id: w.Value)).Where(p => p.Words.Length > 0)
            .GroupBy(p => p.Words[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Words.Length).ToArray(), StringComparer.Ordinal));
        var ids = Symptoms.Select(s => s.SymptomId).Concat(RiskFactors.Select(r => r.RiskId)).Concat(RedFlags.Select(f => f.FlagId)).Concat(Terms.Select(t => t.Id)).ToHashSet(StringComparer.Ordinal);
        OtherCauses = [.. set.Rows("other_causes.csv").Select(row => new OtherCause(
            row.Text("cause_id"), row.Text("label"), Known(row, "suggested_by", ids), row.Text("what_to_consider"), row.Text("source"), Grade(row))
        {
            Cues = List(row.Text("cues")),
            Requires = List(row.Text("requires")),
        })];
    }

    private readonly Dictionary<KnowledgeIdKind, Dictionary<string, string>> aliases;

    // The same words with each word in the singular, for "cramps" where the data says "cramp"; a form two ids share is
    // left out, so it never picks one of them.
    private readonly Dictionary<KnowledgeIdKind, Dictionary<string, string>> singulars;

    /// <summary>The knowledge base compiled into the engine.</summary>
    public static KnowledgeBase Default { get; } = new(ReferenceSet.Default);

    /// <summary>Symptom-nutrient links.</summary>
    public IReadOnlyList<SymptomLink> Symptoms { get; }

    /// <summary>Risk factor-nutrient links.</summary>
    public IReadOnlyList<RiskFactorLink> RiskFactors { get; }

    /// <summary>Red flags with their triage level.</summary>
    public IReadOnlyList<RedFlag> RedFlags { get; }

    /// <summary>Red flags inferred from symptoms, risk factors and labs, without the person ticking them.</summary>
    public IReadOnlyList<RedFlagRule> RedFlagRules { get; }

    /// <summary>Intakes at which harm was seen, and doses of acute poisoning (data/harm_levels.csv).</summary>
    public IReadOnlyList<HarmLevel> HarmLevels { get; }

    /// <summary>How conditions change the reading of a lab (data/lab_confounders.csv).</summary>
    public IReadOnlyList<Assessment.LabConfounderRule> LabConfounders { get; }

    /// <summary>Lab values that raise a red flag (data/critical_labs.csv).</summary>
    public IReadOnlyList<Assessment.CriticalLabRule> CriticalLabs { get; }

    /// <summary>Words for symptoms and history that link to no nutrient (data/vocabulary.csv).</summary>
    public IReadOnlyList<KnowledgeTerm> Terms { get; }

    /// <summary>Recovery systems and their nutrients.</summary>
    public IReadOnlyList<RecoverySystemLink> RecoverySystems { get; }

    /// <summary>Other causes to weigh.</summary>
    public IReadOnlyList<OtherCause> OtherCauses { get; }

    /// <summary>The triage for a set of red flags: the most urgent one, or self-care when there is none.</summary>
    /// <exception cref="ArgumentException">A flag id is unknown.</exception>
    public TriageLevel Triage(IEnumerable<string> flagIds)
    {
        ArgumentNullException.ThrowIfNull(flagIds);
        var level = TriageLevel.SelfCare;
        foreach (var id in flagIds)
        {
            var flag = RedFlags.FirstOrDefault(f => f.FlagId == id) ?? throw new ArgumentException($"unknown red flag '{id}'", nameof(flagIds));
            level = (TriageLevel)Math.Max((int)level, (int)flag.Triage);
        }

        return level;
    }

    /// <summary>Why <paramref name="id"/> is not a known id of <paramref name="kind"/>, or null when it is: an id of
    /// another kind says where it belongs; an unknown one gets the three nearest known ids.</summary>
    public string? Unknown(string id, KnowledgeIdKind kind)
    {
        ArgumentNullException.ThrowIfNull(id);
        var ids = Ids(kind);
        if (ids.Contains(id))
        {
            return null;
        }

        var elsewhere = Enum.GetValues<KnowledgeIdKind>().Where(k => k != kind && Resolve(id, k) is not null).Select(k => (KnowledgeIdKind?)k).FirstOrDefault();
        if (elsewhere is { } other)
        {
            return $"'{id}' is not a {Name(kind)} but a {Name(other)} (list it under {Field(other)})";
        }

        // The nearest words people use (ids, labels and aliases), each named by its id.
        var typed = Normalize(id);
        // An id named inside the phrase ("chest pain when running") comes first.
        var suggestions = NamedIn(id, kind).Concat(aliases[kind].OrderBy(w => Nutrients.EditDistance.Between(w.Key, typed)).ThenBy(w => w.Value, StringComparer.Ordinal)
            .Select(w => w.Value)).Distinct().Take(3);
        return $"unknown {Name(kind)} '{id}' (did you mean {string.Join(", ", suggestions)}?)";
    }

    /// <summary>The id that <paramref name="text"/> names among ids of <paramref name="kind"/>: the id itself, or one
    /// of its labels or aliases compared without regard to case, spaces, hyphens, underscores or a plural -s
    /// ("Pins and needles" is tingling_numbness, "atorvastatin" is statin, "cramps" is muscle_cramps). Null when it
    /// names none.</summary>
    public string? Resolve(string text, KnowledgeIdKind kind)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Ids(kind).Contains(text))
        {
            return text;
        }

        var normalized = Normalize(text);
        return aliases[kind].GetValueOrDefault(normalized) ?? singulars[kind].GetValueOrDefault(Singular(normalized));
    }

    /// <summary>The ids of <paramref name="kind"/> whose id, label or alias appears as whole words inside
    /// <paramref name="text"/>, in the order they appear: "chest pain when running" names chest_pain, "passed out
    /// during training" names fainting. A match that the text denies does not count (<see cref="Denied"/>): "no chest
    /// pain", "never fainted", "denies chest pain or fainting", "nothing like chest pain", "chest pain - no", "chest
    /// pain last year, none now"; a denial ends at a comma or other punctuation, at "but", "however", "although" and the
    /// like, and for "no", "not" and "never" at "and" ("no chest pain but fainted" and "no chest pain and fainted" name
    /// fainting: where the words are unclear, the flag counts). For a phrase <see cref="Resolve"/> does not know, so a
    /// red flag in a person's own words still leads the answer (and the "did you mean" list) instead of being lost to
    /// an unknown-word error. Words are compared as <see cref="Resolve"/> compares them (case, hyphens, underscores, a
    /// plural -s); other punctuation separates words.</summary>
    public IReadOnlyList<string> NamedIn(string text, KnowledgeIdKind kind)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<string>();
        var clauses = Clauses(text);
        var denied = Denied(clauses);
        for (var c = 0; c < clauses.Count; c++)
        {
            var words = clauses[c].Words;
            for (var start = 0; start < words.Length; start++)
            {
                if (denied[c][start])
                {
                    continue;
                }

                foreach (var (phrase, id) in phrasesOf[kind].GetValueOrDefault(words[start], []))
                {
                    if (start + phrase.Length <= words.Length && !found.Contains(id) && phrase.AsSpan().SequenceEqual(words.AsSpan(start, phrase.Length)))
                    {
                        found.Add(id);
                    }
                }
            }
        }

        return found;
    }

    /// <summary>The text cut into clauses at punctuation that ends one (, ; . ! ? : brackets, a dash between spaces) and
    /// at the words that turn it ("but", "however"): each clause's words as <see cref="Words"/> gives them, and as
    /// typed (lower case), for the words of negation.</summary>
    private static List<(string[] Words, string[] Raw)> Clauses(string text)
    {
        var clauses = new List<(string[] Words, string[] Raw)>();
        var spaced = text.Replace(" - ", " , ", StringComparison.Ordinal).Replace(" -- ", " , ", StringComparison.Ordinal)
            .Replace('\u2013', ',').Replace('\u2014', ',');
        foreach (var part in spaced.Split([',', ';', '.', '!', '?', ':', '(', ')', '[', ']', '\n', '\r'], StringSplitOptions.None))
        {
            var words = Words(part);
            var raw = RawWords(part);
            var from = 0;
            for (var i = 0; i <= words.Length; i++)
            {
                if (i == words.Length || ClauseBreaks.Contains(raw[i]))
                {
                    clauses.Add((words[from..i], raw[from..i]));
                    from = i + 1;
                }
            }
        }

        return clauses;
    }

    /// <summary>For each word of each clause, whether the person denies it: the words after a word of negation in the
    /// same clause (for "no", "not", "never" and the like, up to an "and"; for "denies", "nothing like", "neither", to
    /// the clause's end); a whole clause that ends in a denial ("chest pain no", "chest pain not anymore"); and the
    /// clause before one that is only a denial ("chest pain - no", "chest pain last year, none now"). "Not sure" and
    /// "don't know" are doubt, not denial.</summary>
    private static bool[][] Denied(List<(string[] Words, string[] Raw)> clauses)
    {
        var denied = clauses.Select(c => new bool[c.Words.Length]).ToArray();
        for (var c = 0; c < clauses.Count; c++)
        {
            var raw = clauses[c].Raw;
            var strong = false;
            var weak = false;
            for (var i = 0; i < raw.Length; i++)
            {
                if (weak && raw[i] == "and")
                {
                    weak = false;
                }

                // A word in the scope of an earlier negation is denied; the negation word itself is not, so that an
                // alias that starts with one ("can't stand up", "no period for months") still matches.
                denied[c][i] = strong || weak;
                if (Negates(raw, i))
                {
                    if (StrongNegationWords.Contains(raw[i]) || (raw[i] == "nothing" && i + 1 < raw.Length && raw[i + 1] == "like"))
                    {
                        strong = true;
                    }
                    else
                    {
                        weak = true;
                    }
                }
            }

            // A clause that ends in a denial ("... - no", "none now", "not anymore"): the clause is denied, and when it
            // is nothing but the denial, so is the clause before it.
            var tail = raw.Length;
            while (tail > 0 && AnswerWords.Contains(raw[tail - 1]))
            {
                tail--;
            }

            if (tail < raw.Length && raw[tail..].Any(w => Negates([w], 0)))
            {
                Array.Fill(denied[c], true);
                if (tail == 0 && c > 0)
                {
                    Array.Fill(denied[c - 1], true);
                }
            }
        }

        return denied;
    }

    private static bool Negates(string[] raw, int i) =>
        (NegationWords.Contains(raw[i]) || raw[i].EndsWith("n't", StringComparison.Ordinal) || raw[i] == "nothing")
        && !(i + 1 < raw.Length && DoubtWords.Contains(raw[i + 1]));

    private static string[] RawWords(string text) =>
        new string([.. text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) || c == '\'' || c == '\u2019' ? (c == '\u2019' ? '\'' : c) : ' ')])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);

    // Words that deny what follows them in a clause (Replete's choice, for NamedIn): "no", "not", "never" up to an "and".
    private static readonly HashSet<string> NegationWords = new(["no", "not", "never", "without", "none", "nor", "neither", "denies", "denied", "deny", "absent", "nope", "nah"], StringComparer.Ordinal);

    // Words whose denial covers the whole clause, "and" and "or" too ("denies chest pain and fainting").
    private static readonly HashSet<string> StrongNegationWords = new(["denies", "denied", "deny", "neither", "nor"], StringComparer.Ordinal);

    // Words that end a clause's denial: the person turns to what did happen ("no chest pain but fainted").
    private static readonly HashSet<string> ClauseBreaks = new(["but", "however", "although", "though", "yet", "except", "whereas"], StringComparer.Ordinal);

    // Words of a clause's closing answer ("no", "none now", "not anymore", "no longer", "not any more").
    private static readonly HashSet<string> AnswerWords = new(["no", "none", "not", "nope", "nah", "never", "now", "anymore", "any", "more", "longer", "since", "currently", "today"], StringComparer.Ordinal);

    // After a word of negation, words of doubt: "not sure I fainted" is not a denial, and the flag counts.
    private static readonly HashSet<string> DoubtWords = new(["sure", "certain", "know", "remember", "tell", "recall"], StringComparer.Ordinal);

    // Each kind's ids, labels and aliases as word sequences (in the singular), by their first word, longest first.
    private readonly Dictionary<KnowledgeIdKind, Dictionary<string, (string[] Words, string Id)[]>> phrasesOf;

    private static string[] Words(string text)
    {
        var chars = text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) || c == '\'' || c == '\u2019' ? (c == '\u2019' ? '\'' : c) : ' ').ToArray();
        return Singular(string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries))).Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    private List<string> Ids(KnowledgeIdKind kind) => kind switch
    {
        KnowledgeIdKind.Symptom => [.. Symptoms.Select(s => s.SymptomId).Concat(Terms.Where(t => t.Kind == kind).Select(t => t.Id)).Distinct()],
        KnowledgeIdKind.RiskFactor => [.. RiskFactors.Select(r => r.RiskId).Concat(Terms.Where(t => t.Kind == kind).Select(t => t.Id)).Distinct()],
        _ => [.. RedFlags.Select(f => f.FlagId).Distinct()],
    };

    /// <summary>Every id, label and alias of <paramref name="kind"/>, normalized, to its id.</summary>
    /// <exception cref="InvalidDataException">One word names two ids of the kind: the data would be ambiguous.</exception>
    private Dictionary<string, string> AliasesOf(KnowledgeIdKind kind)
    {
        IEnumerable<(string Id, string Label, IReadOnlyList<string> Aliases)> entries = kind switch
        {
            KnowledgeIdKind.Symptom => Symptoms.Select(s => (s.SymptomId, s.Label, s.Aliases)),
            KnowledgeIdKind.RiskFactor => RiskFactors.Select(r => (r.RiskId, r.Label, r.Aliases)),
            _ => RedFlags.Select(f => (f.FlagId, f.Label, f.Aliases)),
        };
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, label, words) in entries.Concat(Terms.Where(t => t.Kind == kind).Select(t => (t.Id, t.Label, t.Aliases))))
        {
            foreach (var word in words.Prepend(label).Prepend(id).Select(Normalize))
            {
                if (map.TryGetValue(word, out var other) && other != id)
                {
                    throw new InvalidDataException($"the word '{word}' names both {other} and {id}; an alias may belong to one id only.");
                }

                map[word] = id;
            }
        }

        return map;
    }

    /// <summary>Each normalized word in the singular, to its id; a singular two ids share is left out.</summary>
    private static Dictionary<string, string> Singulars(Dictionary<string, string> words)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in words.GroupBy(w => Singular(w.Key)))
        {
            if (group.Select(w => w.Value).Distinct().Count() == 1)
            {
                map[group.Key] = group.First().Value;
            }
        }

        return map;
    }

    /// <summary>Every word of a normalized text without a plural -s ("leg cramps" to "leg cramp"); words of three
    /// letters or fewer and those ending in -ss, -us or -is keep theirs (loss, virus, paralysis).</summary>
    private static string Singular(string normalized) =>
        string.Join(' ', normalized.Split(' ').Select(w => w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal) ? w[..^1] : w));

    /// <summary>Lower case, with hyphens and underscores as spaces and runs of spaces as one.</summary>
    private static string Normalize(string text) =>
        string.Join(' ', text.ToLowerInvariant().Replace('_', ' ').Replace('-', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string Name(KnowledgeIdKind kind) => kind switch
    {
        KnowledgeIdKind.Symptom => "symptom",
        KnowledgeIdKind.RiskFactor => "risk factor",
        _ => "red flag",
    };

    private static string Field(KnowledgeIdKind kind) => kind switch
    {
        KnowledgeIdKind.Symptom => "symptoms",
        KnowledgeIdKind.RiskFactor => "risk_factors",
        _ => "red_flags",
    };

    /// <summary>The row's list of ids in <paramref name="column"/>, each one of <paramref name="known"/>.</summary>
    /// <exception cref="InvalidDataException">An id that is not known: names the file, line and column.</exception>
    private static string[] Known(ReferenceRow row, string column, HashSet<string> known) =>
        [.. List(row.Text(column)).Select(id => known.Contains(id) ? id : throw new InvalidDataException($"{row.File}:{row.Line}: {column}: '{id}' is not a symptom, risk factor or red flag id."))];

    private static string[] List(string text) => text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static LinkStrength Strength(ReferenceRow row) => row.Text("strength") switch
    {
        "strong" => LinkStrength.Strong,
        "moderate" => LinkStrength.Moderate,
        "weak" => LinkStrength.Weak,
        var other => throw new InvalidDataException($"{row.File}:{row.Line}: strength '{other}' is not strong, moderate or weak."),
    };

    /// <summary>The row's <c>evidence</c> column; anything but primary, secondary or unverified is an error in the data.</summary>
    internal static EvidenceGrade Grade(ReferenceRow row) => row.Text("evidence") switch
    {
        "primary" => EvidenceGrade.Primary,
        "secondary" => EvidenceGrade.Secondary,
        "unverified" => EvidenceGrade.Unverified,
        var other => throw new InvalidDataException($"{row.File}:{row.Line}: evidence '{other}' is not primary, secondary or unverified."),
    };

    private static TriageLevel Triage(ReferenceRow row) => row.Text("triage") switch
    {
        "emergency" => TriageLevel.Emergency,
        "see_doctor_soon" => TriageLevel.SeeDoctorSoon,
        "see_doctor_today" => TriageLevel.SeeDoctorToday,
        var other => throw new InvalidDataException($"{row.File}:{row.Line}: triage '{other}' is not emergency or see_doctor_soon."),
    };
}
