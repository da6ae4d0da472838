using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Replete.Storage.Records;

/// <summary>Everything Replete keeps about people: accounts (ASP.NET Core Identity), each athlete's inputs over time, saved
/// reports, sharing with coaches and its audit log. One model for both providers; each provider has its own migrations
/// (<see cref="SqliteRepleteDb"/>, <see cref="PostgresRepleteDb"/>).</summary>
/// <remarks>Every row of an athlete's data hangs off the athlete's account with a cascading delete, so deleting an account
/// removes every record of it. Grants hang off both accounts; the audit log and annotations name their actor without a
/// foreign key, so removing a coach keeps the athlete's record of what the coach did.</remarks>
public abstract class RepleteDb(DbContextOptions options) : IdentityDbContext<Account>(options), IDataProtectionKeyContext
{
    /// <summary>The server's data-protection keys (cookies, bearer tokens), kept in the database so that every server node
    /// reads the same keys and none keeps local state.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Athlete profiles, one per athlete.</summary>
    public DbSet<AthleteProfile> Profiles => Set<AthleteProfile>();

    /// <summary>Body-mass history.</summary>
    public DbSet<BodyMass> BodyMasses => Set<BodyMass>();

    /// <summary>Food log entries and imported rows.</summary>
    public DbSet<IntakeRecord> Intake => Set<IntakeRecord>();

    /// <summary>Uploaded diet files.</summary>
    public DbSet<DietImportRecord> DietImports => Set<DietImportRecord>();

    /// <summary>Lab results.</summary>
    public DbSet<LabRecord> Labs => Set<LabRecord>();

    /// <summary>Symptom check-ins.</summary>
    public DbSet<CheckIn> CheckIns => Set<CheckIn>();

    /// <summary>Supplement plans, training weeks and sweat tests.</summary>
    public DbSet<DatedDocument> Documents => Set<DatedDocument>();

    /// <summary>Saved assessments with their plans.</summary>
    public DbSet<Snapshot> Snapshots => Set<Snapshot>();

    /// <summary>Retest reminders.</summary>
    public DbSet<RetestReminder> Reminders => Set<RetestReminder>();

    /// <summary>Sharing grants from athletes to coaches.</summary>
    public DbSet<CoachGrant> Grants => Set<CoachGrant>();

    /// <summary>Open and used invitations.</summary>
    public DbSet<Invitation> Invitations => Set<Invitation>();

    /// <summary>Every delegate read and write.</summary>
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    /// <summary>Notes on athletes' records.</summary>
    public DbSet<Annotation> Annotations => Set<Annotation>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<Account>().Property(a => a.DisplayName).HasMaxLength(200);

        builder.Entity<AthleteProfile>(e =>
        {
            e.HasKey(p => p.AccountId);
            e.HasOne<Account>().WithOne().HasForeignKey<AthleteProfile>(p => p.AccountId).OnDelete(DeleteBehavior.Cascade);
        });
        Owned<BodyMass>(builder, b => b.AccountId).HasIndex(b => new { b.AccountId, b.Date });
        Owned<IntakeRecord>(builder, i => i.AccountId).HasIndex(i => new { i.AccountId, i.Date });
        builder.Entity<IntakeRecord>().HasOne<DietImportRecord>().WithMany().HasForeignKey(i => i.ImportId).OnDelete(DeleteBehavior.Cascade);
        Owned<DietImportRecord>(builder, i => i.AccountId).HasIndex(i => new { i.AccountId, i.Sha256 }).IsUnique();
        Owned<LabRecord>(builder, l => l.AccountId).HasIndex(l => new { l.AccountId, l.Collected });
        Owned<CheckIn>(builder, c => c.AccountId).HasIndex(c => new { c.AccountId, c.Date });
        Owned<DatedDocument>(builder, d => d.AccountId).HasIndex(d => new { d.AccountId, d.Kind, d.Date });
        Owned<Snapshot>(builder, s => s.AccountId).HasIndex(s => new { s.AccountId, s.CreatedAt });
        Owned<RetestReminder>(builder, r => r.AccountId).HasIndex(r => new { r.AccountId, r.Due });

        builder.Entity<CoachGrant>(e =>
        {
            e.HasOne<Account>().WithMany().HasForeignKey(g => g.AthleteId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Account>().WithMany().HasForeignKey(g => g.CoachId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(g => new { g.CoachId, g.AthleteId });
        });
        builder.Entity<Invitation>(e =>
        {
            e.HasOne<Account>().WithMany().HasForeignKey(i => i.FromId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(i => i.CodeHash).IsUnique();
        });
        builder.Entity<AuditEntry>(e =>
        {
            e.HasOne<Account>().WithMany().HasForeignKey(a => a.AthleteId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(a => new { a.AthleteId, a.At });
        });
        builder.Entity<Annotation>(e =>
        {
            e.HasOne<Account>().WithMany().HasForeignKey(a => a.AthleteId).OnDelete(DeleteBehavior.Cascade);
            e.Property(a => a.Text).HasMaxLength(4000);
            e.HasIndex(a => new { a.AthleteId, a.At });
        });
    }

    private static Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> Owned<T>(ModelBuilder builder, System.Linq.Expressions.Expression<Func<T, object?>> account)
        where T : class
    {
        var entity = builder.Entity<T>();
        entity.HasOne<Account>().WithMany().HasForeignKey(account!).OnDelete(DeleteBehavior.Cascade);
        return entity;
    }
}
