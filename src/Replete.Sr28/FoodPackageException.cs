namespace Replete.Sr28;

/// <summary>A pinned food-table package (USDA SR28, IFCT 2017) cannot be fetched or is not the pinned one; the message
/// says what to do.</summary>
public class FoodPackageException : Exception
{
    /// <summary>Creates the error.</summary>
    public FoodPackageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with its cause.</summary>
    public FoodPackageException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
