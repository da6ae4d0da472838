namespace Replete.Documents;

/// <summary>What a reader made of a document: the value when it could be read, and every problem found.</summary>
/// <typeparam name="T">The document type.</typeparam>
public sealed class InputResult<T>
    where T : class
{
    internal InputResult(T? value, IReadOnlyList<InputProblem> problems)
    {
        Problems = problems;
        Value = problems.Count == 0 ? value ?? throw new ArgumentNullException(nameof(value)) : null;
    }

    /// <summary>The document, or null when there are problems.</summary>
    public T? Value { get; }

    /// <summary>Every problem found, in document order; empty when <see cref="Value"/> is set.</summary>
    public IReadOnlyList<InputProblem> Problems { get; }

    /// <summary>True when the document was read without problems.</summary>
    public bool IsValid => Problems.Count == 0;

    /// <summary>The value.</summary>
    /// <exception cref="InputException">The document has problems: carries all of them.</exception>
    public T OrThrow() => Value ?? throw new InputException(Problems);
}

/// <summary>Creates <see cref="InputResult{T}"/>s.</summary>
public static class InputResult
{
    /// <summary>A document read without problems.</summary>
    public static InputResult<T> Success<T>(T value)
        where T : class => new(value, []);

    /// <summary>A document with problems (at least one).</summary>
    public static InputResult<T> Failure<T>(IReadOnlyList<InputProblem> problems)
        where T : class => problems is { Count: > 0 } ? new(null, problems) : throw new ArgumentException("a failure needs a problem", nameof(problems));

    /// <summary>The value when <paramref name="problems"/> is empty, else the problems.</summary>
    public static InputResult<T> From<T>(T? value, IReadOnlyList<InputProblem> problems)
        where T : class => new(value, problems);
}
