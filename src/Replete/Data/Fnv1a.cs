using System.Text;

namespace Replete.Data;

/// <summary>The 64-bit FNV-1a hash (Fowler, Noll and Vo) of a text's UTF-8 bytes: a fingerprint that is the same on every
/// run and machine (string.GetHashCode is not), for comparing what was saved or logged, never for security.</summary>
internal static class Fnv1a
{
    /// <summary>The hash of <paramref name="text"/>.</summary>
    public static ulong Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * 1099511628211UL);
        }

        return hash;
    }
}
