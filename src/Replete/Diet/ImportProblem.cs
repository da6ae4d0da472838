namespace Replete.Diet;

/// <summary>Something in a person's file that was skipped or needs their eye; errors stop the import.</summary>
/// <param name="File">The file as given.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Field">The column, when one is at fault.</param>
/// <param name="Message">What is wrong, in words.</param>
public sealed record ImportProblem(string File, int Line, string? Field, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Field is null ? $"{File}:{Line}: {Message}" : $"{File}:{Line}: {Field}: {Message}";
}
