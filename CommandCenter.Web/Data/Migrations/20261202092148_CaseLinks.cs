using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CaseLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "leniency_outcome",
                table: "cases",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "patrol_id",
                table: "cases",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "related_case_id",
                table: "cases",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "satisfaction",
                table: "cases",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "satisfaction_at",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "street_chief_person_id",
                table: "cases",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "street_id",
                table: "cases",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "zone_id",
                table: "cases",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "zone_verdict",
                table: "cases",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_street_chief_person_id",
                table: "cases",
                column: "street_chief_person_id");

            migrationBuilder.CreateIndex(
                name: "IX_cases_street_id",
                table: "cases",
                column: "street_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cases_street_chief_person_id",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "IX_cases_street_id",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "leniency_outcome",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "patrol_id",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "related_case_id",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "satisfaction",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "satisfaction_at",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "street_chief_person_id",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "street_id",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "zone_id",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "zone_verdict",
                table: "cases");
        }
    }
}
