using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Replete.Storage.Records;

/// <summary><see cref="RepleteDb"/> on SQLite (the default: a file in the data directory), with its own migrations.</summary>
/// <remarks>SQLite has no date-time-with-offset type and EF Core cannot order or compare <see cref="DateTimeOffset"/> text
/// there, so every <see cref="DateTimeOffset"/> is stored as its binary form (a long), which sorts in time order for UTC
/// values.</remarks>
public sealed class SqliteRepleteDb(DbContextOptions<SqliteRepleteDb> options) : RepleteDb(options)
{
    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>Lets <c>dotnet ef migrations add X --context SqliteRepleteDb</c> build the model without a server.</summary>
internal sealed class SqliteRepleteDbFactory : IDesignTimeDbContextFactory<SqliteRepleteDb>
{
    public SqliteRepleteDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteRepleteDb>().UseSqlite("Data Source=design.db").Options);
}
