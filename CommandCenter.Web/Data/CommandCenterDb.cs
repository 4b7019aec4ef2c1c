using System.Text;
using CommandCenter.Domain.Cases;
using CommandCenter.Web.Data.Accounts;
using CommandCenter.Web.Data.Alerts;
using CommandCenter.Web.Data.Cases;
using CommandCenter.Web.Data.Changes;
using CommandCenter.Web.Data.Citizen;
using CommandCenter.Web.Data.City;
using CommandCenter.Web.Data.Duty;
using CommandCenter.Web.Data.Enforcement;
using CommandCenter.Web.Data.Evaluation;
using CommandCenter.Web.Data.Kiosks;
using CommandCenter.Web.Data.Photos;
using CommandCenter.Web.Data.Rules;
using CommandCenter.Web.Data.Streets;
using CommandCenter.Web.Data.Vendors;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Data;

/// <summary>
/// The command centre's PostgreSQL + PostGIS database (geometries in SRID 4326). Each entity is mapped by its own
/// <see cref="IEntityTypeConfiguration{TEntity}"/> beside it; columns are snake_case.
/// </summary>
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
    public DbSet<CaseNumberCounterRow> CaseNumberCounters => Set<CaseNumberCounterRow>();
    public DbSet<ChangeRow> Changes => Set<ChangeRow>();
    public DbSet<AlertRow> Alerts => Set<AlertRow>();
    public DbSet<PhotoRow> Photos => Set<PhotoRow>();
    public DbSet<UserAccountRow> Users => Set<UserAccountRow>();
    public DbSet<CalendarDayRow> CalendarDays => Set<CalendarDayRow>();
    public DbSet<SettingRow> Settings => Set<SettingRow>();
    public DbSet<SignInSessionRow> SignInSessions => Set<SignInSessionRow>();
    public DbSet<HubCursorRow> HubCursors => Set<HubCursorRow>();
    public DbSet<CitizenReportRow> CitizenReports => Set<CitizenReportRow>();
    public DbSet<Open311KeyRow> Open311Keys => Set<Open311KeyRow>();
    public DbSet<IntakeBlockRow> IntakeBlocks => Set<IntakeBlockRow>();
    public DbSet<StreetChiefAssignmentRow> StreetChiefAssignments => Set<StreetChiefAssignmentRow>();
    public DbSet<RosterChangeRow> RosterChanges => Set<RosterChangeRow>();
    public DbSet<PatrolRow> Patrols => Set<PatrolRow>();
    public DbSet<PatrolPointRow> PatrolPoints => Set<PatrolPointRow>();
    public DbSet<VendorRow> Vendors => Set<VendorRow>();
    public DbSet<MerchantRow> Merchants => Set<MerchantRow>();
    public DbSet<MerchantRatingRow> MerchantRatings => Set<MerchantRatingRow>();
    public DbSet<PartyOffenceRow> PartyOffences => Set<PartyOffenceRow>();
    public DbSet<CaseIntakeRow> CaseIntakes => Set<CaseIntakeRow>();
    public DbSet<KioskDutyRow> KioskDuties => Set<KioskDutyRow>();
    public DbSet<KioskLogRow> KioskLog => Set<KioskLogRow>();
    public DbSet<CaseFactRow> CaseFacts => Set<CaseFactRow>();
    public DbSet<CaseAssignmentRow> CaseAssignments => Set<CaseAssignmentRow>();
    public DbSet<RedBlackSnapshotRow> RedBlackSnapshots => Set<RedBlackSnapshotRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("postgis");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CommandCenterDb).Assembly);

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
