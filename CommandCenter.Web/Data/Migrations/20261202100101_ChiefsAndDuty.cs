using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CommandCenter.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ChiefsAndDuty : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "street_chief_person_id",
                table: "case_events",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "street_id",
                table: "case_events",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "patrol_points",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    patrol_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lon = table.Column<double>(type: "double precision", nullable: false),
                    lat = table.Column<double>(type: "double precision", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    accuracy_m = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patrol_points", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "patrols",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    user_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    person_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    moves = table.Column<string>(type: "jsonb", nullable: false),
                    distance_m = table.Column<double>(type: "double precision", nullable: false),
                    accepted_points = table.Column<int>(type: "integer", nullable: false),
                    dropped_points = table.Column<int>(type: "integer", nullable: false),
                    dropped_by_reason = table.Column<string>(type: "jsonb", nullable: false),
                    last_lon = table.Column<double>(type: "double precision", nullable: true),
                    last_lat = table.Column<double>(type: "double precision", nullable: true),
                    last_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patrols", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "roster_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    month = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: true),
                    before = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    after = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_roster_changes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "street_chief_assignments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    street_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    person_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    person_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    level = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    road_chief_level = table.Column<int>(type: "integer", nullable: false),
                    supervisor_person_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    deputy_person_ids = table.Column<string[]>(type: "text[]", nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    assigned_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    assigned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_street_chief_assignments", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_case_events_street_chief_person_id_seq",
                table: "case_events",
                columns: new[] { "street_chief_person_id", "seq" });

            migrationBuilder.CreateIndex(
                name: "IX_patrol_points_patrol_id_at",
                table: "patrol_points",
                columns: new[] { "patrol_id", "at" });

            migrationBuilder.CreateIndex(
                name: "IX_patrols_person_id_started_at",
                table: "patrols",
                columns: new[] { "person_id", "started_at" });

            migrationBuilder.CreateIndex(
                name: "IX_patrols_user_name",
                table: "patrols",
                column: "user_name",
                filter: "state <> 'ended'");

            migrationBuilder.CreateIndex(
                name: "IX_roster_changes_month",
                table: "roster_changes",
                column: "month");

            migrationBuilder.CreateIndex(
                name: "IX_street_chief_assignments_person_id",
                table: "street_chief_assignments",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "IX_street_chief_assignments_street_id_effective_from",
                table: "street_chief_assignments",
                columns: new[] { "street_id", "effective_from" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "patrol_points");

            migrationBuilder.DropTable(
                name: "patrols");

            migrationBuilder.DropTable(
                name: "roster_changes");

            migrationBuilder.DropTable(
                name: "street_chief_assignments");

            migrationBuilder.DropIndex(
                name: "IX_case_events_street_chief_person_id_seq",
                table: "case_events");

            migrationBuilder.DropColumn(
                name: "street_chief_person_id",
                table: "case_events");

            migrationBuilder.DropColumn(
                name: "street_id",
                table: "case_events");
        }
    }
}
