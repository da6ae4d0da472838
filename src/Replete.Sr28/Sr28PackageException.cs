namespace Replete.Sr28;

/// <summary>The SR28 package cannot be fetched or is not the pinned one; the message says what to do.</summary>
public sealed class Sr28PackageException : FoodPackageException
{
    /// <summary>Creates the error.</summary>
    public Sr28PackageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with its cause.</summary>
    public Sr28PackageException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
