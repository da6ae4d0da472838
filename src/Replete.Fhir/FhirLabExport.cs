using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Replete.Assessment;

namespace Replete.Fhir;

/// <summary>One stored lab result to write as a FHIR R4 Observation.</summary>
/// <param name="Collected">The day the sample was taken.</param>
/// <param name="Biomarker">Replete's biomarker id.</param>
/// <param name="Value">The value.</param>
/// <param name="Unit">The unit (a UCUM code for every unit in data/lab_units.csv).</param>
/// <param name="Comparator">"&lt;", "&lt;=", "&gt;" or "&gt;=" for a bound, else null.</param>
/// <param name="Loinc">The LOINC code it came with, or null for the biomarker's own.</param>
public sealed record FhirLabOut(DateOnly Collected, string Biomarker, double Value, string Unit, string? Comparator, string? Loinc);

/// <summary>Writes lab results as a FHIR R4 collection Bundle of final laboratory Observations (LOINC codes, UCUM units),
/// for an export a person can take to another system.</summary>
public static class FhirLabExport
{
    /// <summary>The Bundle as FHIR JSON.</summary>
    public static string Write(IEnumerable<FhirLabOut> labs, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(labs);
        var bundle = new Bundle { Type = Bundle.BundleType.Collection, Timestamp = timestamp };
        foreach (var lab in labs)
        {
            var code = lab.Loinc ?? LabReading.LoincFor(lab.Biomarker);
            var observation = new Observation
            {
                Status = ObservationStatus.Final,
                Category = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory")],
                Code = code is null ? new CodeableConcept { Text = lab.Biomarker } : new CodeableConcept("http://loinc.org", code, lab.Biomarker),
                Effective = new FhirDateTime(lab.Collected.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                Value = new Quantity
                {
                    Value = (decimal)lab.Value,
                    Unit = lab.Unit,
                    System = "http://unitsofmeasure.org",
                    Code = lab.Unit,
                    Comparator = lab.Comparator switch
                    {
                        "<" => Quantity.QuantityComparator.LessThan,
                        "<=" => Quantity.QuantityComparator.LessOrEqual,
                        ">" => Quantity.QuantityComparator.GreaterThan,
                        ">=" => Quantity.QuantityComparator.GreaterOrEqual,
                        _ => null,
                    },
                },
            };
            bundle.Entry.Add(new Bundle.EntryComponent { Resource = observation });
        }

        return new FhirJsonSerializer().SerializeToString(bundle);
    }
}
