using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Replete.Storage.Records;

/// <summary><see cref="RepleteDb"/> on PostgreSQL (a connection string given to the server), with its own migrations.</summary>
public sealed class PostgresRepleteDb(DbContextOptions<PostgresRepleteDb> options) : RepleteDb(options);

/// <summary>Lets <c>dotnet ef migrations add X --context PostgresRepleteDb</c> build the model without a server.</summary>
internal sealed class PostgresRepleteDbFactory : IDesignTimeDbContextFactory<PostgresRepleteDb>
{
    public PostgresRepleteDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresRepleteDb>().UseNpgsql("Host=localhost;Database=replete_design").Options);
}
