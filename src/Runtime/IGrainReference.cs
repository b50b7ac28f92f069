namespace Rides.Runtime;

/// <summary>What every grain reference is, whatever grain interface it also implements.</summary>
public interface IGrainReference : IAddressable
{
    /// <summary>The id of the grain referred to.</summary>
    GrainId GrainId { get; }

    /// <summary>The grain interface this reference implements.</summary>
    Type InterfaceType { get; }
}
