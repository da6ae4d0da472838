using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Replete.Storage.Records.Migrations.Postgres
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "LinesNotCounted",
                table: "DietImports",
                type: "integer",
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
