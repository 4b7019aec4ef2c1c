using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Alerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alerts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    recipient = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    case_number = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    kiosk_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    item = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    street_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    message_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    message_args = table.Column<string[]>(type: "text[]", nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    escalates_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    acknowledged_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    cleared_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    escalated_from = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alerts", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_alerts_escalates_at",
                table: "alerts",
                column: "escalates_at",
                filter: "escalates_at IS NOT NULL AND acknowledged_at IS NULL AND cleared_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_alerts_key",
                table: "alerts",
                column: "key",
                unique: true,
                filter: "cleared_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_alerts_recipient_cleared_at",
                table: "alerts",
                columns: new[] { "recipient", "cleared_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alerts");
        }
    }
}
