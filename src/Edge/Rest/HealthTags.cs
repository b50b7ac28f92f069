namespace Rides.Edge.Rest;

/// <summary>Tags that place a health check under <c>/health/live</c> or <c>/health/ready</c>.</summary>
public static class HealthTags
{
    /// <summary>Checked by <c>/health/live</c>: the process should be restarted when it fails.</summary>
    public const string Live = "live";

    /// <summary>Checked by <c>/health/ready</c>: traffic should go elsewhere while it fails.</summary>
    public const string Ready = "ready";
}
