using System.Security.Cryptography;
using System.Text;
using CommandCenter.Domain.Geography;
using CommandCenter.Domain.Validation;
using CommandCenter.Web.Data;
using CommandCenter.Web.Data.Changes;
using CommandCenter.Web.Data.Citizen;
using CommandCenter.Web.Live;
using CommandCenter.Web.Problems;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Features.Citizen;

/// <summary>
/// Open311 API keys: issued (shown once) and revoked by an admin, each change in the change log, kept as SHA-256 only.
/// The demo data's development key <see cref="DemoKey"/> is seeded outside Production and refused in Production.
/// </summary>
public sealed class Open311Keys(CommandCenterDb db, CityClock clock, ChangeFollower follower, IHostEnvironment env)
{
    public const string DemoKey = "demo-open311-key";
    private const string DemoName = "demo";

    /// <summary>SHA-256 of the key as lower-case hex; enough for long random keys, which need no slow hash.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public Task<List<Open311KeyRow>> ListAsync(CancellationToken ct = default) =>
        db.Open311Keys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ThenBy(k => k.Name).ToListAsync(ct);

    /// <summary>A new key for a named client; the plain key is in the result and nowhere else.</summary>
    public async Task<(Open311KeyRow? Row, string? Key, IReadOnlyList<FieldError> Errors)> IssueAsync(string? name, string actor, CancellationToken ct = default)
    {
        var errors = TextInput.Collect(TextInput.Check("name", name, 40, required: true));
        if (errors.Count > 0)
        {
            return (null, null, errors);
        }
        var key = "o311_" + Base64Url(RandomNumberGenerator.GetBytes(24));
        var row = new Open311KeyRow
        {
            Id = Guid.NewGuid(), Name = name!.Trim(), KeyHash = Hash(key), Hint = key[^4..], CreatedAt = clock.UtcNow, CreatedBy = actor,
        };
        db.Open311Keys.Add(row);
        db.Record(ChangeTopics.Open311Key, row.Id.ToString(), "created", actor, row.CreatedAt, after: new { name = row.Name, hint = row.Hint });
        await db.SaveChangesAsync(ct);
        follower.Poke();
        return (row, key, []);
    }

    /// <summary>Revokes a key at once; null when there is no such key, false when it was revoked already.</summary>
    public async Task<bool?> RevokeAsync(Guid id, string actor, CancellationToken ct = default)
    {
        var row = await db.Open311Keys.SingleOrDefaultAsync(k => k.Id == id, ct);
        if (row is null)
        {
            return null;
        }
        if (row.RevokedAt is not null)
        {
            return false;
        }
        row.RevokedAt = clock.UtcNow;
        row.RevokedBy = actor;
        db.Record(ChangeTopics.Open311Key, row.Id.ToString(), "revoked", actor, row.RevokedAt.Value,
            new { name = row.Name, hint = row.Hint }, new { name = row.Name, hint = row.Hint, revokedAt = row.RevokedAt });
        await db.SaveChangesAsync(ct);
        follower.Poke();
        return true;
    }

    /// <summary>The key in force for <paramref name="key"/>, or null (missing, unknown, revoked, or the demo key in Production).</summary>
    public async Task<Open311KeyRow?> VerifyAsync(string? key, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > 200)
        {
            return null;
        }
        if (key == DemoKey && env.IsProduction())
        {
            return null;
        }
        var hash = Hash(key.Trim());
        var row = await db.Open311Keys.AsNoTracking().SingleOrDefaultAsync(k => k.KeyHash == hash && k.RevokedAt == null, ct);
        if (row is not null)
        {
            var now = clock.UtcNow;
            await db.Open311Keys.Where(k => k.Id == row.Id).ExecuteUpdateAsync(u => u.SetProperty(k => k.LastUsedAt, now), ct);
        }
        return row;
    }

    /// <summary>Seeds the development key once (never in Production), like the demo users.</summary>
    public async Task SeedDemoKeyAsync(CancellationToken ct = default)
    {
        var hash = Hash(DemoKey);
        if (env.IsProduction() || await db.Open311Keys.AnyAsync(k => k.KeyHash == hash, ct))
        {
            return;
        }
        db.Open311Keys.Add(new Open311KeyRow
        {
            Id = Guid.NewGuid(), Name = DemoName, KeyHash = hash, Hint = DemoKey[^4..], CreatedAt = clock.UtcNow, CreatedBy = "system",
        });
        await db.SaveChangesAsync(ct);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
