using Replete.Documents;

namespace Replete.Data;

/// <summary>A file a person gave us cannot be read: names the file, the line and the field. One
/// <see cref="InputProblem"/> with code <see cref="InputProblemCodes.Invalid"/>, for readers that stream and stop at
/// the first bad record.</summary>
public sealed class CsvDataException : InputException
{
    /// <summary>Creates the error for <paramref name="file"/> at <paramref name="line"/>.</summary>
    public CsvDataException(string file, int line, string? field, string problem)
        : base([new InputProblem(file, line, field ?? "", InputProblemCodes.Invalid, problem)], field is null ? $"{file}:{line}: {problem}." : $"{file}:{line}: {field}: {problem}.")
    {
        File = file;
        Line = line;
        Field = field;
        Problem = problem;
    }

    /// <summary>The file name as the person gave it.</summary>
    public string File { get; }

    /// <summary>The 1-based line where the bad record starts.</summary>
    public int Line { get; }

    /// <summary>The column, when one field is at fault.</summary>
    public string? Field { get; }

    /// <summary>What is wrong, in words.</summary>
    public string Problem { get; }
}
