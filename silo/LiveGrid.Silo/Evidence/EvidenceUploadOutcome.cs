using LiveGrid.Silo.Api.Common;

namespace LiveGrid.Silo.Evidence;

/// <summary>An upload as read: the upload, or the status (400, 413, 415) and the errors to answer with.</summary>
public sealed record EvidenceUploadOutcome(EvidenceUpload? Upload, int Status, ValidationErrors Errors);
