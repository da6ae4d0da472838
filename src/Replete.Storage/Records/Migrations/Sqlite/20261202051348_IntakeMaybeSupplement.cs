using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Replete.Storage.Records.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IntakeMaybeSupplement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "MaybeSupplement",
                table: "Intake",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MaybeSupplement",
                table: "Intake");
        }
    }
}
