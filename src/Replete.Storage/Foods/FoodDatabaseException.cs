namespace Replete.Storage.Foods;

/// <summary>The food database cannot be built or opened; the message says what to do.</summary>
public sealed class FoodDatabaseException : Exception
{
    /// <summary>Creates the error.</summary>
    public FoodDatabaseException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with its cause.</summary>
    public FoodDatabaseException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the error.</summary>
    public FoodDatabaseException()
    {
    }
}
