namespace Replete.Documents;

/// <summary>One thing wrong with what a person gave Replete: a file, an upload or a form. Readers return every problem
/// they find, not the first; the CLI prints them and the web turns them into ProblemDetails.</summary>
/// <param name="Source">The file or upload name as the person gave it ("profile.json"), or "" for a value typed on a
/// command line or a form.</param>
/// <param name="Line">The 1-based line where the bad value starts, when the source has lines.</param>
/// <param name="Path">The field, as a path into the document ("labs[0].unit", "profile.sex"), or "" for the document
/// as a whole.</param>
/// <param name="Code">A stable machine-readable kind (see <see cref="InputProblemCodes"/>).</param>
/// <param name="Message">What is wrong and how to fix it, in words, without the location.</param>
public sealed record InputProblem(string Source, int? Line, string Path, string Code, string Message)
{
    /// <summary>The most problems a document's reader lists: Replete's choice, far more than a person fixes in one pass.
    /// Beyond it a problem is counted, not listed (a red flag in the person's own words always is), and what it would
    /// cost to word it is not spent: a document of 180,000 unknown symptoms took 95 s and printed every one. The last
    /// problem then says how many more were found.</summary>
    public const int MaximumListed = 100;

    /// <summary>"file:line: path: message", leaving out the parts that are empty.</summary>
    public override string ToString()
    {
        var location = Source.Length == 0 ? "" : Line is { } line ? $"{Source}:{line}: " : $"{Source}: ";
        return Path.Length == 0 ? location + Message : $"{location}{Path}: {Message}";
    }
}

/// <summary>The values of <see cref="InputProblem.Code"/>.</summary>
public static class InputProblemCodes
{
    /// <summary>What a field given twice in one JSON object is told (<see cref="Conflict"/>): the command line's readers
    /// and the server's say the same, since only one of the two would be read.</summary>
    public const string GivenTwiceMessage = "given twice; give it once (only one would be read)";

    /// <summary>What a food-log date outside the past (<see cref="InputLimits.PastDateProblem"/>) is told after the
    /// problem (<see cref="OutOfRange"/>), in a file or sent to the server.</summary>
    public const string FoodLogDateAdvice = "a food log records days eaten (check the year)";

    /// <summary>A required field is missing.</summary>
    public const string Required = "required";

    /// <summary>A value has the wrong type (text where a number belongs).</summary>
    public const string WrongType = "wrong_type";

    /// <summary>A field the document does not define (a typo would otherwise drop a value silently).</summary>
    public const string UnknownField = "unknown_field";

    /// <summary>A value that cannot be read as what its field holds (a date that is not a date, a broken CSV quote).</summary>
    public const string Invalid = "invalid";

    /// <summary>A value outside the range Replete accepts (see <see cref="InputLimits"/>).</summary>
    public const string OutOfRange = "out_of_range";

    /// <summary>A value that is not one of the allowed words or ids (with suggestions in the message).</summary>
    public const string UnknownValue = "unknown_value";

    /// <summary>Values that cannot all be true (male and pregnant; pregnant and lactating).</summary>
    public const string Conflict = "conflict";

    /// <summary>A value Replete will not guess: it asks (which unit? is that right?).</summary>
    public const string Question = "question";

    /// <summary>The file cannot be read as the format it claims (not JSON, not YAML, not a known export).</summary>
    public const string Unreadable = "unreadable";

    /// <summary>The file is empty, or too large to be what it claims.</summary>
    public const string Size = "size";

    /// <summary>A red flag the person reported leads, whatever else is wrong with the input.</summary>
    public const string RedFlagReported = "red_flag_reported";
}
