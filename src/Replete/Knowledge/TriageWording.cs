namespace Replete.Knowledge;

/// <summary>The words for each triage level, in one place for every front end.</summary>
public static class TriageWording
{
    /// <summary>The short call to action: "EMERGENCY: get medical care now", "See a doctor today", "See a doctor soon",
    /// "Self-care is reasonable".</summary>
    public static string Headline(TriageLevel level) => level switch
    {
        TriageLevel.Emergency => "EMERGENCY: get medical care now",
        TriageLevel.SeeDoctorToday => "See a doctor today",
        TriageLevel.SeeDoctorSoon => "See a doctor soon",
        _ => "Self-care is reasonable",
    };
}
