namespace Replete.Documents;

/// <summary>Input a person gave cannot be used: carries every problem found. Thrown by the <c>OrThrow</c> helpers at an
/// edge that wants an exception; readers themselves return <see cref="InputResult{T}"/>.</summary>
public class InputException : Exception
{
    /// <summary>Creates the exception for <paramref name="problems"/> (at least one).</summary>
    public InputException(IReadOnlyList<InputProblem> problems)
        : this(problems, string.Join(Environment.NewLine, problems ?? throw new ArgumentNullException(nameof(problems))))
    {
    }

    /// <summary>Creates the exception with its own message (for a subclass that words a single problem).</summary>
    protected InputException(IReadOnlyList<InputProblem> problems, string message)
        : base(message)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count == 0)
        {
            throw new ArgumentException("an input exception needs at least one problem", nameof(problems));
        }

        Problems = problems;
    }

    /// <summary>Every problem, in the order found (a reported red flag first).</summary>
    public IReadOnlyList<InputProblem> Problems { get; }
}
