using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Clocks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Web.Data.Cases;

/// <summary>Maps the domain's <see cref="Case"/> to the <c>cases</c> table; <see cref="Case.Version"/> guards concurrent edits.</summary>
public sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.ToTable("cases");
        b.HasKey(c => c.Id);
        b.Property(c => c.Number).HasMaxLength(16);
        b.HasIndex(c => c.Number).IsUnique();
        b.Property(c => c.State).HasConversion(s => s.Slug(), s => ParseState(s)).HasMaxLength(24);
        b.Property(c => c.Source).HasConversion(s => s.Slug(), s => ParseSource(s)).HasMaxLength(16);
        b.Property(c => c.ClockStep).HasConversion(s => s == null ? null : s.Value.Slug(), s => ParseStep(s)).HasMaxLength(16);
        b.Property(c => c.Resolution).HasConversion(r => r == null ? null : r.Value.Slug(), s => ParseResolution(s)).HasMaxLength(16);
        b.Property(c => c.StepLimitUnit).HasConversion(u => u == null ? null : TimeLimit.UnitSlug(u.Value), s => ParseUnit(s)).HasMaxLength(16);
        b.Property(c => c.CategoryCode).HasMaxLength(5);
        b.Property(c => c.GridCode).HasMaxLength(15);
        b.Property(c => c.DutyGridCode).HasMaxLength(32);
        b.Property(c => c.CommunityCode).HasMaxLength(12);
        b.Property(c => c.SubdistrictCode).HasMaxLength(9);
        b.Property(c => c.DepartmentCode).HasMaxLength(32);
        b.Property(c => c.Description).HasMaxLength(2000);
        b.Property(c => c.Address).HasMaxLength(200);
        b.Property(c => c.Reporter).HasMaxLength(100);
        b.Property(c => c.StreetName).HasMaxLength(100);
        b.Property(c => c.StreetChief).HasMaxLength(50);
        b.Property(c => c.RejectionReason).HasMaxLength(32);
        b.Property(c => c.PendingVoid).HasMaxLength(2000);
        b.Property(c => c.StreetId).HasMaxLength(16);
        b.Property(c => c.StreetChiefPersonId).HasMaxLength(16);
        b.Property(c => c.ZoneId).HasMaxLength(16);
        b.Property(c => c.ZoneVerdict).HasMaxLength(16);
        b.Property(c => c.LeniencyOutcome).HasMaxLength(16);
        b.Property(c => c.Satisfaction).HasMaxLength(16);
        b.HasIndex(c => c.StreetChiefPersonId);
        b.HasIndex(c => c.StreetId);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Ignore(c => c.StepLimit);
        b.HasIndex(c => c.State);
        b.HasIndex(c => c.GridCode);
        b.HasIndex(c => c.DutyGridCode);
        b.HasIndex(c => c.DepartmentCode);
        b.HasIndex(c => c.ReportedAt);
        // The duplicate search: same category, recent, then the spatial index narrows by distance.
        b.HasIndex(c => new { c.CategoryCode, c.ReportedAt });
        // Open cases whose clock runs, by deadline: the clock watcher's and the overdue filters' index.
        b.HasIndex(c => c.StepDeadline).HasFilter("step_deadline IS NOT NULL");
        // The clock watcher's query: cases whose next automatic 催办/督办 is due.
        b.HasIndex(c => c.NextReminderAt).HasFilter("next_reminder_at IS NOT NULL");
    }

    private static CaseState ParseState(string s) => CaseStates.TryParse(s, out var state) ? state : throw new InvalidOperationException($"Unknown case state '{s}' in the database.");

    private static CaseSource ParseSource(string s) => CaseSources.TryParse(s, out var source) ? source : throw new InvalidOperationException($"Unknown case source '{s}' in the database.");

    private static CaseStep? ParseStep(string? s) => s is null ? null : CaseSteps.TryParse(s, out var step) ? step : throw new InvalidOperationException($"Unknown step '{s}' in the database.");

    private static Resolution721? ParseResolution(string? s) => s is null ? null : Resolutions721.TryParse(s, out var r) ? r : throw new InvalidOperationException($"Unknown 721 tag '{s}' in the database.");

    private static LimitUnit? ParseUnit(string? s) => s is null ? null : TimeLimit.TryParseUnit(s, out var unit) ? unit : throw new InvalidOperationException($"Unknown limit unit '{s}'.");
}
