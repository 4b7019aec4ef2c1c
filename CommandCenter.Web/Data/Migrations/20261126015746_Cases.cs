using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CommandCenter.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Cases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "calendar_days",
                columns: table => new
                {
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    name = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_days", x => x.date);
                });

            migrationBuilder.CreateTable(
                name: "case_events",
                columns: table => new
                {
                    seq = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_number = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    from_state = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    to_state = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    actor = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    actor_role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    note = table.Column<string>(type: "text", nullable: true),
                    photo_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    department = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    on_time = table.Column<bool>(type: "boolean", nullable: true),
                    overdue = table.Column<bool>(type: "boolean", nullable: false),
                    category_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    grid_code = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    lon = table.Column<double>(type: "double precision", nullable: false),
                    lat = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_events", x => x.seq);
                });

            migrationBuilder.CreateTable(
                name: "cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    state = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    category_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    description = table.Column<string>(type: "text", nullable: false),
                    address = table.Column<string>(type: "text", nullable: true),
                    reporter = table.Column<string>(type: "text", nullable: true),
                    location = table.Column<Point>(type: "geometry(Point,4326)", nullable: false),
                    grid_code = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    duty_grid_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    community_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    subdistrict_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    street_name = table.Column<string>(type: "text", nullable: true),
                    street_chief = table.Column<string>(type: "text", nullable: true),
                    department_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    reported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    clock_step = table.Column<string>(type: "text", nullable: true),
                    step_started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    step_deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    step_limit_value = table.Column<double>(type: "double precision", nullable: true),
                    step_limit_unit = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    clock_paused_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    handling_on_time = table.Column<bool>(type: "boolean", nullable: true),
                    dispatch_count = table.Column<int>(type: "integer", nullable: false),
                    return_count = table.Column<int>(type: "integer", nullable: false),
                    rework_count = table.Column<int>(type: "integer", nullable: false),
                    extension_count = table.Column<int>(type: "integer", nullable: false),
                    supervision_level = table.Column<int>(type: "integer", nullable: false),
                    pending_extension = table.Column<double>(type: "double precision", nullable: true),
                    master_case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    rejection_reason = table.Column<string>(type: "text", nullable: true),
                    resolution = table.Column<string>(type: "text", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "photos",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    content_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    original_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    stored_name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    uploaded_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_photos", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "settings",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    json = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_settings", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    user_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    display_name = table.Column<string>(type: "text", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: false),
                    roles = table.Column<string[]>(type: "text[]", nullable: false),
                    duty_grid_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    department_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    person_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_users", x => x.user_name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_case_events_case_id_seq",
                table: "case_events",
                columns: new[] { "case_id", "seq" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_category_code",
                table: "cases",
                column: "category_code");

            migrationBuilder.CreateIndex(
                name: "IX_cases_department_code",
                table: "cases",
                column: "department_code");

            migrationBuilder.CreateIndex(
                name: "IX_cases_duty_grid_code",
                table: "cases",
                column: "duty_grid_code");

            migrationBuilder.CreateIndex(
                name: "IX_cases_grid_code",
                table: "cases",
                column: "grid_code");

            migrationBuilder.CreateIndex(
                name: "IX_cases_location",
                table: "cases",
                column: "location")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_cases_number",
                table: "cases",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_reported_at",
                table: "cases",
                column: "reported_at");

            migrationBuilder.CreateIndex(
                name: "IX_cases_state",
                table: "cases",
                column: "state");

            // The audit trail is append-only: the database itself refuses edits and deletions.
            migrationBuilder.Sql("""
                CREATE FUNCTION case_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'case_events is append-only (% refused)', TG_OP;
                END $$;
                CREATE TRIGGER case_events_no_update_or_delete
                    BEFORE UPDATE OR DELETE ON case_events
                    FOR EACH ROW EXECUTE FUNCTION case_events_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS case_events_no_update_or_delete ON case_events; DROP FUNCTION IF EXISTS case_events_append_only();");

            migrationBuilder.DropTable(
                name: "calendar_days");

            migrationBuilder.DropTable(
                name: "case_events");

            migrationBuilder.DropTable(
                name: "cases");

            migrationBuilder.DropTable(
                name: "photos");

            migrationBuilder.DropTable(
                name: "settings");

            migrationBuilder.DropTable(
                name: "users");
        }
    }
}
