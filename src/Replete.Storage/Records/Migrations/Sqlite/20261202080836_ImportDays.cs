using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Replete.Storage.Records.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ImportDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Days",
                table: "DietImports",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Days",
                table: "DietImports");
        }
    }
}
