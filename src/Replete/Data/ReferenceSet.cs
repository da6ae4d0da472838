using System.Reflection;

namespace Replete.Data;

/// <summary>Every reviewed reference table in <c>data/</c>, read once and checked as a whole: each vocabulary column
/// against its allowed words, each id that points into another table against that table, each condition against the
/// condition grammar. A mistake in a data file fails the load with the file, line and column, instead of being
/// silently ignored when the row is first used.</summary>
/// <remarks><see cref="Default"/> is the set compiled into the engine, loaded on first use. Tests (and a deployment
/// that reviews its own tables) build another with <see cref="Load"/>, replacing any table's text.</remarks>
public sealed class ReferenceSet
{
    private readonly Dictionary<string, IReadOnlyList<ReferenceRow>> tables;

    private ReferenceSet(Dictionary<string, IReadOnlyList<ReferenceRow>> tables) => this.tables = tables;

    /// <summary>The tables compiled into the engine.</summary>
    public static ReferenceSet Default => Compiled.Value;

    private static readonly Lazy<ReferenceSet> Compiled = new(() => Load(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The version of the compiled reference data: the first 16 hex digits of the SHA-256 of every embedded
    /// table, in name order. A saved report carries it, so a report made with other tables says so.</summary>
    public static string CompiledVersion => CompiledHash.Value;

    private static readonly Lazy<string> CompiledHash = new(() =>
    {
        var assembly = typeof(ReferenceSet).Assembly;
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith("Replete.Data.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(resource + "\n"));
            using var stream = Open(assembly, resource);
            var buffer = new byte[81920];
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                hash.AppendData(buffer.AsSpan(0, read));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The table files in the set.</summary>
    public IReadOnlyCollection<string> Files => tables.Keys;

    /// <summary>Reads every table (the embedded ones, with <paramref name="replacements"/> by file name, such as
    /// <c>"lab_confounders.csv"</c>, taking their place) and checks the whole set.</summary>
    /// <exception cref="InvalidDataException">A table is malformed, or a value is outside its vocabulary or names an id
    /// no table has: the message names the file, line and column.</exception>
    public static ReferenceSet Load(IReadOnlyDictionary<string, string>? replacements = null)
    {
        var assembly = typeof(ReferenceSet).Assembly;
        const string prefix = "Replete.Data.";
        var tables = new Dictionary<string, IReadOnlyList<ReferenceRow>>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(prefix, StringComparison.Ordinal) && r.EndsWith(".csv", StringComparison.Ordinal)))
        {
            var file = resource[prefix.Length..];
            using var reader = replacements?.TryGetValue(file, out var text) == true ? new StringReader(text) : (TextReader)new StreamReader(Open(assembly, resource));
            tables[file] = ReferenceData.Parse(file, reader);
        }

        foreach (var file in replacements?.Keys.Where(k => !tables.ContainsKey(k)) ?? [])
        {
            throw new InvalidDataException($"{file}: no such reference table (known: {string.Join(", ", tables.Keys.Order(StringComparer.Ordinal))})");
        }

        var set = new ReferenceSet(tables);
        ReferenceSchema.Check(set);
        return set;
    }

    /// <summary>The rows of <paramref name="file"/>.</summary>
    internal IReadOnlyList<ReferenceRow> Rows(string file) => tables.TryGetValue(file, out var rows)
        ? rows
        : throw new InvalidOperationException($"Reference table '{file}' is not in the set.");

    private static Stream Open(Assembly assembly, string resource) =>
        assembly.GetManifestResourceStream(resource) ?? throw new InvalidOperationException($"Embedded reference file '{resource}' is missing from the build.");
}
