namespace Rides.Runtime;

/// <summary>Marker for every type that can be addressed as a grain.</summary>
public interface IAddressable
{
}

/// <summary>Marker for grain interfaces.</summary>
public interface IGrain : IAddressable
{
}

/// <summary>A grain addressed by a string key.</summary>
public interface IGrainWithStringKey : IGrain
{
}

/// <summary>A grain addressed by a <see cref="Guid"/> key.</summary>
public interface IGrainWithGuidKey : IGrain
{
}

/// <summary>A grain addressed by a 64-bit integer key.</summary>
public interface IGrainWithIntegerKey : IGrain
{
}
