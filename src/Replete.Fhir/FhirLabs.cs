using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Replete.Assessment;
using Replete.Documents;

namespace Replete.Fhir;

/// <summary>A lab result read from a FHIR Observation.</summary>
/// <param name="Input">The value, ready for <see cref="LabReading.Read"/>.</param>
/// <param name="Loinc">The LOINC code it was recognised by.</param>
/// <param name="Display">The observation's own name for it.</param>
/// <param name="Effective">When the sample was taken, when given.</param>
/// <param name="UnitFromText">True when the quantity had no UCUM code and its unit text was used instead.</param>
public sealed record FhirLab(LabInput Input, string Loinc, string Display, DateTimeOffset? Effective, bool UnitFromText)
{
    /// <summary>The observation it was read from.</summary>
    internal Observation? Observation { get; init; }

    /// <summary>The result as <see cref="LabRepeats"/> compares it, named with <paramref name="fileName"/>.</summary>
    /// <param name="fileName">The file it was read from.</param>
    public LabResult AsResult(string fileName) => new(Input, $"{fileName}: {Display}{(Observation?.Id is { Length: > 0 } id ? $" (observation '{id}')" : "")}")
    {
        Id = Observation?.Id,
        Taken = Effective,
    };
}

/// <summary>What a FHIR file held: the labs Replete reads and, for the rest, why they were left out.</summary>
public sealed record FhirLabFile(IReadOnlyList<FhirLab> Labs, IReadOnlyList<string> Skipped)
{
    /// <summary>The one subject its observations name, as compared ("Patient/example", "identifier urn:mrn|123"), or
    /// null when none names one.</summary>
    public string? Subject { get; init; }

    /// <summary><see cref="Subject"/> in words, for a message ("'Patient/example'").</summary>
    public string? SubjectShown { get; init; }

    /// <summary>The observation that named <see cref="Subject"/> first, for a message.</summary>
    public string? SubjectFrom { get; init; }
}

/// <summary>Reads FHIR R4 Observation and Bundle JSON (LOINC codes, UCUM units) with the HL7 FHIR SDK.</summary>
public static partial class FhirLabs
{
    /// <summary>Reads <paramref name="json"/> (an Observation or a Bundle of them), one person's results.</summary>
    /// <exception cref="InputException">The JSON is not a FHIR R4 Observation or Bundle, the results read are of more
    /// than one subject, or a result's effective date is in the future; the problem names the file.</exception>
    public static FhirLabFile Read(string json, string fileName)
    {
        Resource resource;
        try
        {
            // Plain JSON first: the SDK reads the first value and ignores what follows it, and names no line.
            using (System.Text.Json.JsonDocument.Parse(json))
            {
            }

            resource = new FhirJsonDeserializer(new DeserializerSettings().UsingMode(DeserializationMode.Recoverable)).Deserialize<Resource>(json);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw Unreadable(fileName, $"not JSON{(ex.LineNumber is { } line ? $" at line {line + 1}" : "")} ({ex.Message.Split('\n')[0].Split(" LineNumber:")[0]})");
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or DeserializationFailedException)
        {
            // A value of the wrong FHIR type (a number where a code belongs, "1e309" as a decimal): the SDK's first issue.
            throw Unreadable(fileName, $"not a FHIR R4 resource Replete can read ({ex.Message.Split('\n')[0]})");
        }

        var labs = new List<FhirLab>();
        var skipped = new List<string>();
        List<Observation> observations;
        try
        {
            if (resource is not (Observation or Bundle or DiagnosticReport))
            {
                throw Unreadable(fileName, $"a {resource.TypeName}, not an Observation, a DiagnosticReport or a Bundle of them");
            }

            observations = [];
            Collect(resource, fileName, observations, skipped, depth: 0);
        }
        catch (Hl7.Fhir.Validation.CodedValidationException ex)
        {
            throw Unreadable(fileName, $"not a FHIR R4 Bundle Replete can read ({ex.Message})");
        }

        foreach (var observation in observations)
        {
            try
            {
                Read(observation, fileName, labs, skipped);
            }
            catch (Hl7.Fhir.Validation.CodedValidationException ex)
            {
                // Recoverable mode keeps a value of the wrong type (a string where a decimal belongs, a number where a
                // code belongs) and throws when it is read: the file is refused, naming the observation.
                throw Unreadable(fileName, $"observation '{observation.Id ?? "without an id"}' is not valid FHIR R4 ({ex.Message})");
            }
        }

        // One person's results: a Bundle may hold several patients' (a laboratory's batch), and mixing them would read
        // one person's deficiency against another's symptoms. Every observation counts, read or not: a file of two
        // people's results is not one person's, whichever tests Replete reads.
        var named = observations.Select((o, i) => (Subject: SubjectOf(o), Entry: Entry(o, i))).Where(x => x.Subject is not null).ToList();
        if (named.FirstOrDefault(x => x.Subject!.Key != named[0].Subject!.Key) is { Subject: { } other } second)
        {
            var subjects = named.Select(x => x.Subject!.Key).Distinct(StringComparer.Ordinal).ToList();
            throw Unreadable(fileName, $"{second.Entry} is of {other.Shown}, while {named[0].Entry} is of {named[0].Subject!.Shown}: the file holds results of {subjects.Count} people (or names one person in ways Replete cannot match); give one person's results");
        }

        // A result given twice in the file (the same Observation, or the same test, time, value and unit) is read once:
        // twice, it would pass as a confirming repeat test (the engine's LabRepeats).
        var repeats = LabRepeats.Find([.. labs.Select(l => l.AsResult(fileName))], []);
        skipped.AddRange(repeats.OfType<string>());
        return new FhirLabFile([.. labs.Where((_, i) => repeats[i] is null)], skipped) { Subject = named.FirstOrDefault().Subject?.Key, SubjectShown = named.FirstOrDefault().Subject?.Shown, SubjectFrom = named.FirstOrDefault().Entry };
    }

    /// <summary>Refuses files of different people: several files read for one assessment must name one subject (files
    /// that name none are not compared).</summary>
    /// <exception cref="InputException">Two files name different subjects; the problem names the second file and its
    /// observation.</exception>
    public static void OnePerson(IEnumerable<(string FileName, FhirLabFile File)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var named = files.Where(f => f.File.Subject is not null).ToList();
        if (named.FirstOrDefault(f => f.File.Subject != named[0].File.Subject) is { File: { } other } second)
        {
            throw Unreadable(second.FileName, $"{other.SubjectFrom} is of {other.SubjectShown}, while {named[0].FileName} ({named[0].File.SubjectFrom}) is of {named[0].File.SubjectShown}: give one person's results");
        }
    }

    /// <summary>An observation named for a message: "observation 'serum-potassium'", or by its place when it has no id.</summary>
    private static string Entry(Observation observation, int index) => observation.Id is { Length: > 0 } id
        ? $"observation '{Shown(id)}'"
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"observation {index + 1} (no id)");

    /// <summary>How deep bundles inside bundles are read: Replete's choice, well past any laboratory's batch (a bundle of
    /// reports of results is three levels).</summary>
    private const int MaximumNesting = 8;

    /// <summary>Every Observation in <paramref name="resource"/>: itself, a Bundle's entries (bundles inside bundles too),
    /// and results contained in a resource (a DiagnosticReport's <c>#id</c> results). A DiagnosticReport's result that is
    /// neither contained nor in the file is named in <paramref name="skipped"/> (tester h76: results contained in a
    /// report, or in a bundle inside the bundle, disappeared without a word and the report said self-care).</summary>
    private static void Collect(Resource resource, string fileName, List<Observation> observations, List<string> skipped, int depth)
    {
        if (depth > MaximumNesting)
        {
            throw Unreadable(fileName, $"bundles nested more than {MaximumNesting} deep");
        }

        if (resource is Observation observation)
        {
            observations.Add(observation);
        }

        if (resource is DomainResource domain)
        {
            foreach (var contained in domain.Contained.Where(c => c is not null))
            {
                Collect(contained, fileName, observations, skipped, depth + 1);
            }
        }

        if (resource is Bundle bundle)
        {
            var entries = bundle.Entry.Where(e => e?.Resource is not null).Select(e => (e.FullUrl, Resource: e.Resource!)).ToList();
            foreach (var entry in entries)
            {
                Collect(entry.Resource, fileName, observations, skipped, depth + 1);
            }

            // A report's result that points at nothing in the file is a result the file does not hold: said so.
            var present = entries.SelectMany(e => new[] { e.FullUrl, e.Resource.Id is { } id ? $"{e.Resource.TypeName}/{id}" : null }).OfType<string>().ToHashSet(StringComparer.Ordinal);
            foreach (var report in entries.Select(e => e.Resource).OfType<DiagnosticReport>())
            {
                Missing(report, present, fileName, skipped);
            }
        }
        else if (resource is DiagnosticReport alone && depth == 0)
        {
            Missing(alone, new HashSet<string>(StringComparer.Ordinal), fileName, skipped);
        }
    }

    private static void Missing(DiagnosticReport report, HashSet<string> present, string fileName, List<string> skipped)
    {
        foreach (var reference in report.Result.Select(r => r?.Reference).OfType<string>())
        {
            if (!reference.StartsWith('#') && !present.Contains(reference))
            {
                skipped.Add($"{fileName}: report '{Shown(report.Id ?? "without an id")}' lists the result '{Shown(reference)}', which is not in the file: not read");
            }
        }
    }

    /// <summary>A value from the file, at most 60 characters, for a message.</summary>
    private static string Shown(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");

    /// <summary>Reads one observation into <paramref name="labs"/>, or says in <paramref name="skipped"/> why not.</summary>
    private static void Read(Observation observation, string fileName, List<FhirLab> labs, List<string> skipped)
    {
        var coding = observation.Code?.Coding.FirstOrDefault(c => c.System == "http://loinc.org");
        var name = observation.Code?.Text ?? coding?.Display ?? observation.Id ?? "observation";
        if (coding?.Code is null || LabReading.BiomarkerForLoinc(coding.Code) is not { } biomarker)
        {
            skipped.Add($"{fileName}: {name} ({coding?.Code ?? "no LOINC code"}): not a test Replete uses");
            return;
        }

        // A result that was withdrawn, never produced or entered in error is not a result (FHIR R4
        // ObservationStatus); a preliminary one is read and said to be preliminary.
        switch (observation.Status)
        {
            case ObservationStatus.Cancelled or ObservationStatus.EnteredInError or ObservationStatus.Registered:
                skipped.Add($"{fileName}: {name}: status '{observation.StatusElement?.JsonValue}', not a result to read");
                return;
            case ObservationStatus.Preliminary:
                skipped.Add($"{fileName}: {name}: a preliminary result, read as given; the final result may differ");
                break;
        }

        decimal value;
        LabBound? bound = null;
        string unitText;
        var fromText = false;
        switch (observation.Value)
        {
            case Quantity { Value: { } measured } quantity:
                value = measured;
                bound = quantity.Comparator switch
                {
                    Quantity.QuantityComparator.LessThan or Quantity.QuantityComparator.LessOrEqual => LabBound.AtMost,
                    Quantity.QuantityComparator.GreaterThan or Quantity.QuantityComparator.GreaterOrEqual => LabBound.AtLeast,
                    _ => null,
                };
                fromText = string.IsNullOrEmpty(quantity.Code);
                unitText = (fromText ? quantity.Unit : quantity.Code) ?? "";
                if (!fromText && quantity.Unit is { Length: > 0 } shown && LabReading.UnitsDisagree(biomarker, Ucum(shown), Ucum(quantity.Code!)))
                {
                    // Tester h76: text "ng/mL" with code "nmol/L" was read by the code alone, 2.5 times off for 25(OH)D.
                    throw Unreadable(fileName, $"observation '{Shown(observation.Id ?? name)}': its unit '{Shown(shown)}' and its UCUM code '{Shown(quantity.Code!)}' are different units for {biomarker}; ask the laboratory which is right");
                }
                break;
            case FhirString { Value: { } text } when Censored(text) is { } censored && observation.Code is not null:
                // A text value such as "<5" (censored at the limit of detection): read as a bound, unit from the
                // reference range or none.
                (value, bound) = censored;
                unitText = observation.ReferenceRange.Select(r => r.Low?.Code ?? r.High?.Code ?? r.Low?.Unit ?? r.High?.Unit).FirstOrDefault(u => u is not null) ?? "";
                fromText = true;
                break;
            default:
                skipped.Add($"{fileName}: {name}: no numeric value");
                return;
        }

        var unit = unitText;
        var (drawn, effective) = Effective(observation, fileName, name, skipped);

        // A UCUM-coded unit is the laboratory's own, not a slip at the keyboard: no unit question.
        labs.Add(new FhirLab(new LabInput(biomarker, (double)value, Ucum(unit)) { Confirmed = !fromText, Bound = bound, Drawn = drawn }, coding.Code, name, effective, fromText) { Observation = observation });
    }

    /// <summary>The day the sample was drawn and, where the file gives a time, the instant, from effective[x]: a dateTime,
    /// an instant, or a period (its start: when collection began). The day is the date as written, in the laboratory's
    /// own offset ("2026-10-06T23:30:00-05:00" is 6 October, as on its report, not the UTC 7 October). A partial date
    /// ("2025", "2025-07") is read as its first day, the earliest the sample can have been drawn, so it is never read as
    /// younger than it is, and a note says so. A date that is not a FHIR date, or is in the future or before any living
    /// person's birth (year 0001, 9999), refuses the file, naming the observation: read as undated it would pass as a
    /// result whose date was not given.</summary>
    private static (DateOnly? Day, DateTimeOffset? At) Effective(Observation observation, string fileName, string name, List<string> skipped)
    {
        var written = observation.Effective switch
        {
            FhirDateTime dateTime => dateTime.Value,
            Instant moment => moment.Value?.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz", System.Globalization.CultureInfo.InvariantCulture),
            Period period => period.Start ?? period.End,
            _ => null,
        };
        if (written is null)
        {
            return (null, null);
        }

        var match = FhirDate().Match(written);
        var observed = $"observation '{Shown(observation.Id ?? name)}'";
        if (!match.Success || !DateOnly.TryParseExact(
            $"{match.Groups["year"].Value}-{(match.Groups["month"].Success ? match.Groups["month"].Value : "01")}-{(match.Groups["day"].Success ? match.Groups["day"].Value : "01")}",
            "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
        {
            throw Unreadable(fileName, $"{observed}: effective date '{Shown(written)}' is not a FHIR date (YYYY, YYYY-MM, YYYY-MM-DD or a dateTime with its offset)");
        }

        if (InputLimits.PastDateProblem(day) is { } problem)
        {
            throw Unreadable(fileName, $"{observed}: effective date {Shown(written)} {problem}: a result is of a sample already taken (check the year)");
        }

        if (!match.Groups["day"].Success)
        {
            skipped.Add($"{fileName}: {name}: effective date '{written}' gives no day: read as drawn on {day:yyyy-MM-dd}, the earliest it can be");
        }

        // Without a time, the day's start in UTC, as before (LabRepeats compares two such by their day).
        var at = match.Groups["time"].Success
            && DateTimeOffset.TryParse(written, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var instant)
                ? instant
                : new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return (day, at);
    }

    /// <summary>A FHIR date or dateTime: YYYY, YYYY-MM, YYYY-MM-DD, or a date with a time and its offset.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<year>\d{4})(-(?<month>\d{2})(-(?<day>\d{2})(?<time>T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial System.Text.RegularExpressions.Regex FhirDate();

    /// <summary>Who an observation is of, as compared and as shown, or null when it names no one. A reference is compared
    /// as written; a reference to a resource contained in the observation (<c>#p</c>) is local to that observation, so
    /// two such are the same person only when what they contain is the same; a subject given only by an identifier is
    /// compared by its system and value, one given only by a display by that text. Two ways of naming (a reference and
    /// an identifier) cannot be matched and count as two subjects: Replete cannot tell they are one person.</summary>
    private static Subject? SubjectOf(Observation observation)
    {
        var subject = observation.Subject;
        if (subject?.Reference is { Length: > 0 } reference)
        {
            if (!reference.StartsWith('#'))
            {
                return new(reference, $"'{Shown(reference)}'");
            }

            var contained = observation.Contained.FirstOrDefault(c => c is not null && "#" + c.Id == reference);
            var content = contained is null ? "" : new FhirJsonSerializer().SerializeToString(contained);
            return new($"contained {reference} {content}", $"the {contained?.TypeName ?? "resource"} contained in it as '{Shown(reference)}'{(contained is Patient { Name.Count: > 0 } patient ? $" ({Shown(patient.Name[0].ToString() ?? "")})" : "")}");
        }

        if (subject?.Identifier is { Value: { Length: > 0 } value } identifier)
        {
            var key = $"identifier {identifier.System}|{value}";
            return new(key, $"'{Shown(key)}'");
        }

        return subject?.Display is { Length: > 0 } display ? new($"display {display}", $"'{Shown(display)}' (named by display only)") : null;
    }

    private sealed record Subject(string Key, string Shown);

    /// <summary>A censored text value ("&lt;5", "&gt; 100", "&lt;=0.3"): the bound and its side, or null.</summary>
    private static (decimal Value, LabBound Bound)? Censored(string text)
    {
        var t = text.Trim();
        var side = t.StartsWith('<') ? LabBound.AtMost : t.StartsWith('>') ? LabBound.AtLeast : (LabBound?)null;
        var number = t.TrimStart('<', '>', '=').Trim();
        return side is { } s && decimal.TryParse(number, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) ? (v, s) : null;
    }

    /// <summary>UCUM codes in the spelling of data/lab_units.csv: "ug/L", "m[IU]/L" is "mIU/L", "µ" is "u".</summary>
    private static string Ucum(string unit) => LabReading.NormalizeUnit(unit.Replace("[iU]", "IU", StringComparison.Ordinal))
        .Replace("meq", "mEq", StringComparison.Ordinal);

    private static InputException Unreadable(string fileName, string message) =>
        new([new InputProblem(fileName, null, "", InputProblemCodes.Unreadable, message)]);
}
