using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Replete.Storage.Foods;

/// <summary>A prepared (int, int, double) insert run through SQLite's statement API on an open connection.</summary>
internal sealed class RawInsert : IDisposable
{
    private const int Constraint = 19;
    private readonly sqlite3 database;
    private readonly sqlite3_stmt statement;

    public RawInsert(sqlite3 database, string sql)
    {
        this.database = database;
        Check(raw.sqlite3_prepare_v2(database, sql, out statement));
    }

    /// <summary>Inserts one row; false when it breaks a uniqueness constraint (a duplicate).</summary>
    public bool Run(int first, int second, double third)
    {
        Check(raw.sqlite3_bind_int(statement, 1, first));
        Check(raw.sqlite3_bind_int(statement, 2, second));
        Check(raw.sqlite3_bind_double(statement, 3, third));
        var result = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (result == raw.SQLITE_DONE)
        {
            return true;
        }

        if ((result & 0xFF) == Constraint)
        {
            return false;
        }

        throw new SqliteException(raw.sqlite3_errmsg(database).utf8_to_string(), result);
    }

    public void Dispose() => statement.Dispose();

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(database).utf8_to_string(), result);
        }
    }
}
