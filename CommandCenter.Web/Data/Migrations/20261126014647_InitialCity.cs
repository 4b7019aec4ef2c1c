using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CommandCenter.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialCity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:postgis", ",,");

            migrationBuilder.CreateTable(
                name: "basemap_features",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    layer = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "text", nullable: true),
                    name_en = table.Column<string>(type: "text", nullable: true),
                    kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    osm_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    geom = table.Column<Geometry>(type: "geometry(Geometry,4326)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_basemap_features", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "categories",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    main_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    sub_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    name_en = table.Column<string>(type: "text", nullable: false),
                    department_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    limit_value = table.Column<double>(type: "double precision", nullable: false),
                    limit_unit = table.Column<string>(type: "text", nullable: false),
                    sample = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_categories", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "communities",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    subdistrict_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    geom = table.Column<Geometry>(type: "geometry(Geometry,4326)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_communities", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "departments",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    name_en = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_departments", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "duty_grids",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    community_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    member_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    member_name = table.Column<string>(type: "text", nullable: false),
                    geom = table.Column<Geometry>(type: "geometry(Geometry,4326)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_duty_grids", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "kiosks",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    services = table.Column<string[]>(type: "text[]", nullable: false),
                    hours = table.Column<string>(type: "text", nullable: false),
                    is24h = table.Column<bool>(type: "boolean", nullable: false),
                    has_toilet = table.Column<bool>(type: "boolean", nullable: false),
                    radius_m = table.Column<double>(type: "double precision", nullable: false),
                    phone = table.Column<string>(type: "text", nullable: true),
                    geom = table.Column<Point>(type: "geometry(Point,4326)", nullable: false),
                    supplies = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kiosks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "people",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    phone = table.Column<string>(type: "text", nullable: true),
                    duty_grid_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    department_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_people", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "streets",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    road_class = table.Column<string>(type: "text", nullable: false),
                    level = table.Column<string>(type: "text", nullable: false),
                    chief_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    chief_name = table.Column<string>(type: "text", nullable: false),
                    chief_phone = table.Column<string>(type: "text", nullable: false),
                    length_m = table.Column<double>(type: "double precision", nullable: false),
                    geom = table.Column<Geometry>(type: "geometry(Geometry,4326)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_streets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "subdistricts",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    district_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    district_name = table.Column<string>(type: "text", nullable: false),
                    geom = table.Column<Geometry>(type: "geometry(Geometry,4326)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subdistricts", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "unit_grids",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    community_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    subdistrict_code = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    duty_grid_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    area_m2 = table.Column<double>(type: "double precision", nullable: false),
                    geom = table.Column<Polygon>(type: "geometry(Polygon,4326)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unit_grids", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "vendor_zones",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    type = table.Column<string>(type: "text", nullable: false),
                    windows = table.Column<string[]>(type: "text[]", nullable: false),
                    season_from = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    season_to = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    stall_count = table.Column<int>(type: "integer", nullable: false),
                    max_stall_area_m2 = table.Column<double>(type: "double precision", nullable: false),
                    goods = table.Column<string>(type: "text", nullable: false),
                    manager = table.Column<string>(type: "text", nullable: true),
                    school_name = table.Column<string>(type: "text", nullable: true),
                    geom = table.Column<Geometry>(type: "geometry(Geometry,4326)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vendor_zones", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_basemap_features_geom",
                table: "basemap_features",
                column: "geom")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_basemap_features_layer",
                table: "basemap_features",
                column: "layer");

            migrationBuilder.CreateIndex(
                name: "IX_communities_geom",
                table: "communities",
                column: "geom")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_duty_grids_geom",
                table: "duty_grids",
                column: "geom")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_kiosks_geom",
                table: "kiosks",
                column: "geom")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_people_role",
                table: "people",
                column: "role");

            migrationBuilder.CreateIndex(
                name: "IX_streets_geom",
                table: "streets",
                column: "geom")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_streets_name",
                table: "streets",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "IX_subdistricts_geom",
                table: "subdistricts",
                column: "geom")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_unit_grids_community_code",
                table: "unit_grids",
                column: "community_code");

            migrationBuilder.CreateIndex(
                name: "IX_unit_grids_duty_grid_code",
                table: "unit_grids",
                column: "duty_grid_code");

            migrationBuilder.CreateIndex(
                name: "IX_unit_grids_geom",
                table: "unit_grids",
                column: "geom")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_vendor_zones_geom",
                table: "vendor_zones",
                column: "geom")
                .Annotation("Npgsql:IndexMethod", "gist");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "basemap_features");

            migrationBuilder.DropTable(
                name: "categories");

            migrationBuilder.DropTable(
                name: "communities");

            migrationBuilder.DropTable(
                name: "departments");

            migrationBuilder.DropTable(
                name: "duty_grids");

            migrationBuilder.DropTable(
                name: "kiosks");

            migrationBuilder.DropTable(
                name: "people");

            migrationBuilder.DropTable(
                name: "streets");

            migrationBuilder.DropTable(
                name: "subdistricts");

            migrationBuilder.DropTable(
                name: "unit_grids");

            migrationBuilder.DropTable(
                name: "vendor_zones");
        }
    }
}
