using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Evaluation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "case_assignments",
                columns: table => new
                {
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    department = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    dispatched_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    handled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    first_on_time = table.Column<bool>(type: "boolean", nullable: true),
                    reworked = table.Column<bool>(type: "boolean", nullable: false),
                    state = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    current_department = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    clock_step = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_assignments", x => new { x.case_id, x.department });
                });

            migrationBuilder.CreateTable(
                name: "case_facts",
                columns: table => new
                {
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    grid_code = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    duty_grid_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    filed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    handled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    first_handle_on_time = table.Column<bool>(type: "boolean", nullable: true),
                    all_handle_on_time = table.Column<bool>(type: "boolean", nullable: true),
                    reworked = table.Column<bool>(type: "boolean", nullable: false),
                    state = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    department = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    clock_step = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_facts", x => x.case_id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_case_assignments_dispatched_at",
                table: "case_assignments",
                column: "dispatched_at");

            migrationBuilder.CreateIndex(
                name: "IX_case_facts_filed_at",
                table: "case_facts",
                column: "filed_at");

            // The evaluation facts are kept by the case writes themselves: one trigger on the audit trail; then built for what exists.
            migrationBuilder.Sql("""
                CREATE FUNCTION case_events_facts() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.action = 'file' THEN
                        INSERT INTO case_facts (case_id, grid_code, duty_grid_code, filed_at, reworked, state)
                        VALUES (NEW.case_id, NEW.grid_code, NEW.duty_grid_code, NEW.at, false, NEW.to_state)
                        ON CONFLICT (case_id) DO NOTHING;
                    ELSIF NEW.action = 'handle' THEN
                        UPDATE case_facts SET handled_at = coalesce(handled_at, NEW.at),
                            first_handle_on_time = coalesce(first_handle_on_time, NEW.on_time),
                            all_handle_on_time = coalesce(all_handle_on_time, true) AND coalesce(NEW.on_time, false)
                        WHERE case_id = NEW.case_id;
                        UPDATE case_assignments SET handled_at = coalesce(handled_at, NEW.at), first_on_time = coalesce(first_on_time, NEW.on_time)
                        WHERE case_id = NEW.case_id AND department = NEW.department;
                    ELSIF NEW.action = 'check-fail' THEN
                        UPDATE case_facts SET reworked = true WHERE case_id = NEW.case_id;
                        UPDATE case_assignments SET reworked = true WHERE case_id = NEW.case_id AND department = NEW.department;
                    END IF;
                    IF NEW.action IN ('dispatch', 'approve-return') AND NEW.department IS NOT NULL THEN
                        INSERT INTO case_assignments (case_id, department, dispatched_at, reworked, state)
                        VALUES (NEW.case_id, NEW.department, NEW.at, false, NEW.to_state)
                        ON CONFLICT (case_id, department) DO NOTHING;
                    END IF;
                    UPDATE case_facts SET state = NEW.to_state, department = NEW.department, clock_step = NEW.step, deadline = NEW.deadline
                    WHERE case_id = NEW.case_id;
                    UPDATE case_assignments SET state = NEW.to_state, current_department = NEW.department, clock_step = NEW.step, deadline = NEW.deadline
                    WHERE case_id = NEW.case_id;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER case_events_facts AFTER INSERT ON case_events FOR EACH ROW EXECUTE FUNCTION case_events_facts();
                INSERT INTO case_facts (case_id, grid_code, duty_grid_code, filed_at, handled_at, first_handle_on_time, all_handle_on_time, reworked,
                    state, department, clock_step, deadline)
                SELECT case_id,
                    (array_agg(grid_code ORDER BY seq) FILTER (WHERE action = 'file'))[1],
                    (array_agg(duty_grid_code ORDER BY seq) FILTER (WHERE action = 'file'))[1],
                    min(at) FILTER (WHERE action = 'file'),
                    min(at) FILTER (WHERE action = 'handle'),
                    (array_agg(on_time ORDER BY seq) FILTER (WHERE action = 'handle'))[1],
                    bool_and(coalesce(on_time, false)) FILTER (WHERE action = 'handle'),
                    coalesce(bool_or(action = 'check-fail'), false),
                    (array_agg(to_state ORDER BY seq DESC))[1], (array_agg(department ORDER BY seq DESC))[1],
                    (array_agg(step ORDER BY seq DESC))[1], (array_agg(deadline ORDER BY seq DESC))[1]
                FROM case_events WHERE true
                GROUP BY case_id HAVING bool_or(action = 'file')
                ON CONFLICT (case_id) DO NOTHING;
                INSERT INTO case_assignments (case_id, department, dispatched_at, handled_at, first_on_time, reworked, state, current_department, clock_step, deadline)
                SELECT a.*, f.state, f.department, f.clock_step, f.deadline FROM (
                    SELECT case_id, department,
                        min(at) FILTER (WHERE action IN ('dispatch', 'approve-return')) AS dispatched_at,
                        min(at) FILTER (WHERE action = 'handle') AS handled_at,
                        (array_agg(on_time ORDER BY seq) FILTER (WHERE action = 'handle'))[1] AS first_on_time,
                        coalesce(bool_or(action = 'check-fail'), false) AS reworked
                    FROM case_events WHERE department IS NOT NULL AND (true)
                    GROUP BY case_id, department HAVING bool_or(action IN ('dispatch', 'approve-return'))) a
                JOIN case_facts f ON f.case_id = a.case_id
                ON CONFLICT (case_id, department) DO NOTHING;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS case_events_facts ON case_events; DROP FUNCTION IF EXISTS case_events_facts();");

            migrationBuilder.DropTable(
                name: "case_assignments");

            migrationBuilder.DropTable(
                name: "case_facts");
        }
    }
}
