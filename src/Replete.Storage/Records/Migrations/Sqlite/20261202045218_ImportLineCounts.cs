using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Replete.Storage.Records.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ImportLineCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Lines",
                table: "DietImports",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "LinesNotCounted",
                table: "DietImports",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Lines",
                table: "DietImports");

            migrationBuilder.DropColumn(
                name: "LinesNotCounted",
                table: "DietImports");
        }
    }
}
