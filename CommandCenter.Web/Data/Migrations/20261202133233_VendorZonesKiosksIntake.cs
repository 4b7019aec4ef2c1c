using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommandCenter.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class VendorZonesKiosksIntake : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "banned_goods",
                table: "vendor_zones",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "capacity",
                table: "vendor_zones",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly[]>(
                name: "closed_dates",
                table: "vendor_zones",
                type: "date[]",
                nullable: false,
                defaultValue: new DateOnly[0]);

            migrationBuilder.AddColumn<bool>(
                name: "closed_on_public_holidays",
                table: "vendor_zones",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "operator",
                table: "vendor_zones",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "parked",
                table: "vendor_zones",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "retired_at",
                table: "vendor_zones",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string[]>(
                name: "seasons",
                table: "vendor_zones",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<int>(
                name: "version",
                table: "vendor_zones",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "department_code",
                table: "kiosks",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "enforcement");

            migrationBuilder.AddColumn<int>(
                name: "kiosk_class",
                table: "kiosks",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "version",
                table: "kiosks",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "urgent",
                table: "cases",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "case_intakes",
                columns: table => new
                {
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    party = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    zone_check = table.Column<string>(type: "jsonb", nullable: true),
                    leniency = table.Column<string>(type: "jsonb", nullable: true),
                    bike_fence = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_intakes", x => x.case_id);
                });

            migrationBuilder.CreateTable(
                name: "kiosk_duties",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kiosk_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    user_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    display_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    checked_in_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    checked_out_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kiosk_duties", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "kiosk_log",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kiosk_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    actor = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    case_number = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kiosk_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "merchant_ratings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    merchant_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    stars = table.Column<int>(type: "integer", nullable: false),
                    rated_on = table.Column<DateOnly>(type: "date", nullable: false),
                    note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    actor = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_merchant_ratings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "merchants",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    street_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    shop_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    licence = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    pledge = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    pledge_items = table.Column<string[]>(type: "text[]", nullable: false),
                    pledge_signed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    stars = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_merchants", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "party_offences",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    party = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    category_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    item_code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    correction_deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_party_offences", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "vendors",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    zone_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    stall_number = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    goods = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    licence = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    registered_on = table.Column<DateOnly>(type: "date", nullable: false),
                    retired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vendors", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_kiosk_duties_kiosk_id_checked_out_at",
                table: "kiosk_duties",
                columns: new[] { "kiosk_id", "checked_out_at" });

            migrationBuilder.CreateIndex(
                name: "IX_kiosk_duties_user_name",
                table: "kiosk_duties",
                column: "user_name",
                unique: true,
                filter: "checked_out_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_kiosk_log_kiosk_id_at",
                table: "kiosk_log",
                columns: new[] { "kiosk_id", "at" });

            migrationBuilder.CreateIndex(
                name: "IX_merchant_ratings_merchant_id_rated_on",
                table: "merchant_ratings",
                columns: new[] { "merchant_id", "rated_on" });

            migrationBuilder.CreateIndex(
                name: "IX_merchants_street_id",
                table: "merchants",
                column: "street_id");

            migrationBuilder.CreateIndex(
                name: "IX_party_offences_case_id",
                table: "party_offences",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "IX_party_offences_party_at",
                table: "party_offences",
                columns: new[] { "party", "at" });

            migrationBuilder.CreateIndex(
                name: "IX_vendors_zone_id_stall_number",
                table: "vendors",
                columns: new[] { "zone_id", "stall_number" },
                unique: true,
                filter: "retired_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_intakes");

            migrationBuilder.DropTable(
                name: "kiosk_duties");

            migrationBuilder.DropTable(
                name: "kiosk_log");

            migrationBuilder.DropTable(
                name: "merchant_ratings");

            migrationBuilder.DropTable(
                name: "merchants");

            migrationBuilder.DropTable(
                name: "party_offences");

            migrationBuilder.DropTable(
                name: "vendors");

            migrationBuilder.DropColumn(
                name: "banned_goods",
                table: "vendor_zones");

            migrationBuilder.DropColumn(
                name: "capacity",
                table: "vendor_zones");

            migrationBuilder.DropColumn(
                name: "closed_dates",
                table: "vendor_zones");

            migrationBuilder.DropColumn(
                name: "closed_on_public_holidays",
                table: "vendor_zones");

            migrationBuilder.DropColumn(
                name: "operator",
                table: "vendor_zones");

            migrationBuilder.DropColumn(
                name: "parked",
                table: "vendor_zones");

            migrationBuilder.DropColumn(
                name: "retired_at",
                table: "vendor_zones");

            migrationBuilder.DropColumn(
                name: "seasons",
                table: "vendor_zones");

            migrationBuilder.DropColumn(
                name: "version",
                table: "vendor_zones");

            migrationBuilder.DropColumn(
                name: "department_code",
                table: "kiosks");

            migrationBuilder.DropColumn(
                name: "kiosk_class",
                table: "kiosks");

            migrationBuilder.DropColumn(
                name: "version",
                table: "kiosks");

            migrationBuilder.DropColumn(
                name: "urgent",
                table: "cases");
        }
    }
}
