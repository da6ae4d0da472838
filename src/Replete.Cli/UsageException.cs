namespace Replete.Cli;

/// <summary>Bad input from the person at the keyboard: reported in one line with exit code 2, never a stack trace.</summary>
internal sealed class UsageException(string message) : Exception(message);
