using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CommandCenter.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ChangeLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Writers take their transaction id before their sequence number, so the change follower can tell a number
            // held by a transaction still running from one left by a rollback (see Live/LogCursor.cs).
            migrationBuilder.Sql("""
                CREATE FUNCTION cc_next_seq(seq regclass) RETURNS bigint LANGUAGE plpgsql VOLATILE AS $$
                BEGIN
                    PERFORM pg_current_xact_id();
                    RETURN nextval(seq);
                END $$;
                CREATE SEQUENCE case_events_seq;
                SELECT setval('case_events_seq', COALESCE((SELECT max(seq) FROM case_events), 0) + 1, false);
                CREATE SEQUENCE changes_seq;
                """);

            migrationBuilder.DropIndex(
                name: "IX_cases_category_code",
                table: "cases");

            migrationBuilder.AlterColumn<string>(
                name: "street_name",
                table: "cases",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "street_chief",
                table: "cases",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "resolution",
                table: "cases",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "reporter",
                table: "cases",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "rejection_reason",
                table: "cases",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "description",
                table: "cases",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<string>(
                name: "clock_step",
                table: "cases",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "address",
                table: "cases",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "pending_void",
                table: "cases",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "reminder_count",
                table: "cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "step_reminders_sent",
                table: "cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AlterColumn<string>(
                name: "street",
                table: "case_events",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "note",
                table: "case_events",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "seq",
                table: "case_events",
                type: "bigint",
                nullable: false,
                defaultValueSql: "cc_next_seq('case_events_seq')",
                oldClrType: typeof(long),
                oldType: "bigint")
                .OldAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn);

            migrationBuilder.AddColumn<string>(
                name: "duty_grid_code",
                table: "case_events",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "finished_deadline",
                table: "case_events",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "finished_step",
                table: "case_events",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string[]>(
                name: "flags",
                table: "case_events",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<string>(
                name: "previous_department",
                table: "case_events",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "reminder_at",
                table: "case_events",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "step",
                table: "case_events",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "supervision",
                table: "case_events",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "case_number_counters",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_number_counters", x => x.day);
                });

            migrationBuilder.CreateTable(
                name: "changes",
                columns: table => new
                {
                    seq = table.Column<long>(type: "bigint", nullable: false, defaultValueSql: "cc_next_seq('changes_seq')"),
                    topic = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    entity_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    actor = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    before = table.Column<string>(type: "jsonb", nullable: true),
                    after = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_changes", x => x.seq);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cases_category_code_reported_at",
                table: "cases",
                columns: new[] { "category_code", "reported_at" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_step_deadline",
                table: "cases",
                column: "step_deadline",
                filter: "step_deadline IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_case_events_at",
                table: "case_events",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "IX_case_events_department_seq",
                table: "case_events",
                columns: new[] { "department", "seq" });

            migrationBuilder.CreateIndex(
                name: "IX_case_events_duty_grid_code_seq",
                table: "case_events",
                columns: new[] { "duty_grid_code", "seq" });

            migrationBuilder.CreateIndex(
                name: "IX_changes_topic_entity_id_seq",
                table: "changes",
                columns: new[] { "topic", "entity_id", "seq" });

            migrationBuilder.Sql("""
                ALTER SEQUENCE case_events_seq OWNED BY case_events.seq;
                ALTER SEQUENCE changes_seq OWNED BY changes.seq;
                ALTER TABLE case_events DISABLE TRIGGER case_events_no_update_or_delete;
                UPDATE case_events e SET duty_grid_code = c.duty_grid_code FROM cases c WHERE c.id = e.case_id;
                ALTER TABLE case_events ENABLE TRIGGER case_events_no_update_or_delete;
                INSERT INTO case_number_counters (day, last)
                    SELECT to_date(left(number, 8), 'YYYYMMDD'), max(substr(number, 9)::int) FROM cases GROUP BY 1;
                CREATE FUNCTION changes_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'changes is append-only (% refused)', TG_OP;
                END $$;
                CREATE TRIGGER changes_no_update_or_delete
                    BEFORE UPDATE OR DELETE ON changes
                    FOR EACH ROW EXECUTE FUNCTION changes_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS changes_no_update_or_delete ON changes; DROP FUNCTION IF EXISTS changes_append_only();");
            migrationBuilder.DropTable(
                name: "case_number_counters");

            migrationBuilder.DropTable(
                name: "changes");

            migrationBuilder.DropIndex(
                name: "IX_cases_category_code_reported_at",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "IX_cases_step_deadline",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "IX_case_events_at",
                table: "case_events");

            migrationBuilder.DropIndex(
                name: "IX_case_events_department_seq",
                table: "case_events");

            migrationBuilder.DropIndex(
                name: "IX_case_events_duty_grid_code_seq",
                table: "case_events");

            migrationBuilder.DropColumn(
                name: "pending_void",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "reminder_count",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "step_reminders_sent",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "duty_grid_code",
                table: "case_events");

            migrationBuilder.DropColumn(
                name: "finished_deadline",
                table: "case_events");

            migrationBuilder.DropColumn(
                name: "finished_step",
                table: "case_events");

            migrationBuilder.DropColumn(
                name: "flags",
                table: "case_events");

            migrationBuilder.DropColumn(
                name: "previous_department",
                table: "case_events");

            migrationBuilder.DropColumn(
                name: "reminder_at",
                table: "case_events");

            migrationBuilder.DropColumn(
                name: "step",
                table: "case_events");

            migrationBuilder.DropColumn(
                name: "supervision",
                table: "case_events");

            migrationBuilder.AlterColumn<string>(
                name: "street_name",
                table: "cases",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "street_chief",
                table: "cases",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(50)",
                oldMaxLength: 50,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "resolution",
                table: "cases",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(16)",
                oldMaxLength: 16,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "reporter",
                table: "cases",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "rejection_reason",
                table: "cases",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(32)",
                oldMaxLength: 32,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "description",
                table: "cases",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(2000)",
                oldMaxLength: 2000);

            migrationBuilder.AlterColumn<string>(
                name: "clock_step",
                table: "cases",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(16)",
                oldMaxLength: 16,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "address",
                table: "cases",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "street",
                table: "case_events",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "note",
                table: "case_events",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(2000)",
                oldMaxLength: 2000,
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "seq",
                table: "case_events",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldDefaultValueSql: "cc_next_seq('case_events_seq')")
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn);

            migrationBuilder.CreateIndex(
                name: "IX_cases_category_code",
                table: "cases",
                column: "category_code");
            migrationBuilder.Sql("DROP SEQUENCE IF EXISTS changes_seq; DROP SEQUENCE IF EXISTS case_events_seq; DROP FUNCTION IF EXISTS cc_next_seq(regclass);");
        }
    }
}
