using System.Text;
using CommandCenter.Domain.Cases;
using CommandCenter.Web.Data.City;
using CommandCenter.Web.Features.Admin;
using CommandCenter.Web.Features.Auth;
using CommandCenter.Web.Features.Cases;
using CommandCenter.Web.Features.Photos;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Data;

/// <summary>The command centre's PostgreSQL + PostGIS database (geometries in SRID 4326).</summary>
public sealed class CommandCenterDb(DbContextOptions<CommandCenterDb> options) : DbContext(options)
{
    public const int Srid = 4326;

    public DbSet<SubdistrictRow> Subdistricts => Set<SubdistrictRow>();
    public DbSet<CommunityRow> Communities => Set<CommunityRow>();
    public DbSet<DutyGridRow> DutyGrids => Set<DutyGridRow>();
    public DbSet<UnitGridRow> UnitGrids => Set<UnitGridRow>();
    public DbSet<StreetRow> Streets => Set<StreetRow>();
    public DbSet<VendorZoneRow> VendorZones => Set<VendorZoneRow>();
    public DbSet<KioskRow> Kiosks => Set<KioskRow>();
    public DbSet<DepartmentRow> Departments => Set<DepartmentRow>();
    public DbSet<PersonRow> People => Set<PersonRow>();
    public DbSet<CategoryRow> Categories => Set<CategoryRow>();
    public DbSet<BasemapFeatureRow> BasemapFeatures => Set<BasemapFeatureRow>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CaseEventRow> CaseEvents => Set<CaseEventRow>();
    public DbSet<PhotoRow> Photos => Set<PhotoRow>();
    public DbSet<UserAccountRow> Users => Set<UserAccountRow>();
    public DbSet<CalendarDayRow> CalendarDays => Set<CalendarDayRow>();
    public DbSet<SettingRow> Settings => Set<SettingRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("postgis");

        modelBuilder.Entity<SubdistrictRow>().ToTable("subdistricts");
        modelBuilder.Entity<CommunityRow>().ToTable("communities");
        modelBuilder.Entity<DutyGridRow>().ToTable("duty_grids");
        modelBuilder.Entity<UnitGridRow>(b =>
        {
            b.ToTable("unit_grids");
            b.HasIndex(g => g.CommunityCode);
            b.HasIndex(g => g.DutyGridCode);
        });
        modelBuilder.Entity<StreetRow>(b => b.ToTable("streets").HasIndex(s => s.Name));
        modelBuilder.Entity<VendorZoneRow>().ToTable("vendor_zones");
        modelBuilder.Entity<KioskRow>(b =>
        {
            b.ToTable("kiosks");
            b.ComplexCollection(k => k.Supplies, c => c.ToJson("supplies"));
        });
        modelBuilder.Entity<DepartmentRow>().ToTable("departments");
        modelBuilder.Entity<PersonRow>(b => b.ToTable("people").HasIndex(p => p.Role));
        modelBuilder.Entity<CategoryRow>().ToTable("categories");
        modelBuilder.Entity<BasemapFeatureRow>(b => b.ToTable("basemap_features").HasIndex(f => f.Layer));
        modelBuilder.ApplyConfiguration(new CaseConfiguration());
        modelBuilder.Entity<CaseEventRow>(b =>
        {
            b.ToTable("case_events");
            b.HasKey(e => e.Seq);
            b.Property(e => e.Seq).UseIdentityAlwaysColumn();
            b.HasIndex(e => new { e.CaseId, e.Seq });
        });
        modelBuilder.Entity<PhotoRow>().ToTable("photos");
        modelBuilder.Entity<UserAccountRow>().ToTable("users");
        modelBuilder.Entity<CalendarDayRow>().ToTable("calendar_days");
        modelBuilder.Entity<SettingRow>().ToTable("settings");

        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
                var clr = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                if (typeof(NetTopologySuite.Geometries.Geometry).IsAssignableFrom(clr))
                {
                    property.SetColumnType(clr == typeof(NetTopologySuite.Geometries.Geometry)
                        ? $"geometry(Geometry,{Srid})"
                        : $"geometry({clr.Name},{Srid})");
                    entity.AddIndex(property).SetMethod("gist");
                }
            }
        }
    }

    private static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previousIsLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                if (previousIsLowerOrDigit)
                {
                    sb.Append('_');
                }
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}
