using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Replete.Storage.Records.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NoteClasses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Classes",
                table: "Annotations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // A coach's note written before classes were kept may speak of any class the coach saw: shown only to readers who see every class.
            migrationBuilder.Sql("UPDATE \"Annotations\" SET \"Classes\" = 7 WHERE \"AuthorId\" <> \"AthleteId\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Classes",
                table: "Annotations");
        }
    }
}
