using Replete.Documents;

namespace Replete.Cli;

/// <summary>Bad input from the person at the keyboard: reported in one line with exit code 2, never a stack trace.</summary>
internal sealed class UsageException(string message) : Exception(message)
{
    /// <summary>Problems with values typed as options: each message, with the document's field names written as the
    /// options that set them ("pre_kg" as "--pre-kg").</summary>
    public static UsageException FromFlags(IEnumerable<InputProblem> problems, IEnumerable<string> fields)
    {
        var names = fields.OrderByDescending(f => f.Length).ToList();
        string AsFlags(string message) => names.Aggregate(message, (text, field) =>
            System.Text.RegularExpressions.Regex.Replace(text, $@"(?<![\w-]){field}(?!\w)", "--" + field.Replace('_', '-')));
        return new UsageException(string.Join("; ", problems.Select(p => AsFlags(p.Message))));
    }
}
