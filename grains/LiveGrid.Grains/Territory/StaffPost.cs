namespace LiveGrid.Grains.Territory;

/// <summary>
/// One post in a grid (the leader's or a member's) under the AB岗 rule: the primary worker (A) holds it and the backup (B)
/// receives its work while A is off duty. A post may not have a backup yet; that is a gap to show, not an error.
/// </summary>
public sealed record StaffPost
{
    public StaffPost(string primaryWorkerId, string? backupWorkerId = null)
    {
        if (string.IsNullOrWhiteSpace(primaryWorkerId))
        {
            throw new ArgumentException("A post needs a primary worker.", nameof(primaryWorkerId));
        }

        if (backupWorkerId is not null && (string.IsNullOrWhiteSpace(backupWorkerId) || backupWorkerId == primaryWorkerId))
        {
            throw new ArgumentException($"Post of {primaryWorkerId}: the backup must be another worker.", nameof(backupWorkerId));
        }

        PrimaryWorkerId = primaryWorkerId;
        BackupWorkerId = backupWorkerId;
    }

    public string PrimaryWorkerId { get; }

    public string? BackupWorkerId { get; }

    public bool HasBackup => BackupWorkerId is not null;
}
