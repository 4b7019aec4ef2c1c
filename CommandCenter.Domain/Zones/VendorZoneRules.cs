using CommandCenter.Domain.Geography;
using CommandCenter.Domain.Validation;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace CommandCenter.Domain.Zones;

/// <summary>What a zone must satisfy to be created or edited (drawn on the map by an admin).</summary>
public static class VendorZoneRules
{
    /// <summary>How far a drawn zone may stick out of the city area (hand-drawn edges along the boundary).</summary>
    public const double CityToleranceM = 5.0;

    /// <summary>
    /// Refusals, field by field (JSON names): name, geometry (ZoneGeometryMissing, ZoneGeometryNotPolygon, ZoneGeometryInvalid,
    /// ZoneOutsideCity, ZoneNearSchoolGate, ZoneOverlapsConflicting), windows (ZoneHoursRequired), stallCount, maxStallAreaM2,
    /// capacity and operator (bike fences). The 100 m school-gate rule (domain.md §7.6 names guided zones) is applied to every
    /// type that permits vending: a night market by a school gate is no better than a guided point.
    /// </summary>
    /// <param name="candidate">The zone as it would be saved (same Id when editing).</param>
    /// <param name="otherActiveZones">The zones in force (the candidate's own Id is skipped, retired zones should not be passed).</param>
    /// <param name="schoolGates">School gates, e.g. <see cref="SchoolGate.StandInsFor"/> the banned zones.</param>
    /// <param name="cityArea">The city (union of its unit grids); null skips the check.</param>
    public static IReadOnlyList<FieldError> Validate(VendorZone candidate, IEnumerable<VendorZone> otherActiveZones,
        IEnumerable<SchoolGate> schoolGates, Geometry? cityArea)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(candidate.Name))
        {
            errors.Add(new FieldError("name", "ZoneNameRequired"));
        }
        if (GeometryErrors(candidate.Area, cityArea) is { } geometryError)
        {
            errors.Add(geometryError);
        }
        else
        {
            errors.AddRange(PlacementErrors(candidate, otherActiveZones, schoolGates));
        }
        var vending = VendorZoneTypes.PermitsVending(candidate.Type);
        if (vending && candidate.Schedule.Hours.IsEmpty)
        {
            errors.Add(new FieldError("windows", "ZoneHoursRequired"));
        }
        if (candidate.StallCount < 0)
        {
            errors.Add(new FieldError("stallCount", "StallCountNegative", candidate.StallCount));
        }
        if (vending && !(candidate.MaxStallAreaM2 > 0))
        {
            errors.Add(new FieldError("maxStallAreaM2", "MaxStallAreaNotPositive", candidate.MaxStallAreaM2));
        }
        if (candidate.Type == VendorZoneType.BikeFence)
        {
            if (candidate.Capacity is not > 0)
            {
                errors.Add(new FieldError("capacity", "BikeFenceCapacityRequired", candidate.Capacity));
            }
            if (string.IsNullOrWhiteSpace(candidate.Operator))
            {
                errors.Add(new FieldError("operator", "BikeFenceOperatorRequired"));
            }
        }
        return errors;
    }

    private static FieldError? GeometryErrors(Geometry? area, Geometry? cityArea)
    {
        if (area is null || area.IsEmpty)
        {
            return new FieldError("geometry", "ZoneGeometryMissing");
        }
        if (area is not (Polygon or MultiPolygon))
        {
            return new FieldError("geometry", "ZoneGeometryNotPolygon", area.GeometryType);
        }
        var validity = new IsValidOp(area);
        if (!validity.IsValid)
        {
            var at = validity.ValidationError.Coordinate;
            return new FieldError("geometry", "ZoneGeometryInvalid", validity.ValidationError.ErrorType.ToString(), at?.X, at?.Y);
        }
        if (cityArea is not null && !cityArea.IsEmpty)
        {
            var centre = cityArea.EnvelopeInternal.Centre;
            var tolerance = Math.Max(Geodesy.DegreesLat(CityToleranceM), Geodesy.DegreesLon(CityToleranceM, centre.Y));
            if (!cityArea.Covers(area) && !cityArea.Buffer(tolerance).Covers(area))
            {
                return new FieldError("geometry", "ZoneOutsideCity", CityToleranceM);
            }
        }
        return null;
    }

    private static IEnumerable<FieldError> PlacementErrors(VendorZone candidate, IEnumerable<VendorZone> others, IEnumerable<SchoolGate> gates)
    {
        if (VendorZoneTypes.PermitsVending(candidate.Type))
        {
            var nearest = gates
                .Select(g => (Gate: g, DistanceM: Geodesy.DistanceMetres(g.Location, candidate.Area)))
                .OrderBy(g => g.DistanceM).ThenBy(g => g.Gate.Name, StringComparer.Ordinal)
                .FirstOrDefault();
            if (nearest.Gate is not null && nearest.DistanceM <= ZoneCheck.SchoolGateDistanceM)
            {
                yield return new FieldError("geometry", "ZoneNearSchoolGate", nearest.Gate.Name, Math.Round(nearest.DistanceM), ZoneCheck.SchoolGateDistanceM);
            }
        }
        foreach (var other in others.Where(o => o.Id != candidate.Id).OrderBy(o => o.Id, StringComparer.Ordinal))
        {
            // Interiors must meet: zones that only share an edge do not overlap.
            if (VendorZoneTypes.Conflict(candidate.Type, other.Type) && !other.Area.IsEmpty
                && candidate.Area.EnvelopeInternal.Intersects(other.Area.EnvelopeInternal)
                && candidate.Area.Relate(other.Area, "T********"))
            {
                yield return new FieldError("geometry", "ZoneOverlapsConflicting", other.Name, other.Id, VendorZoneTypes.Slug(other.Type));
            }
        }
    }
}
