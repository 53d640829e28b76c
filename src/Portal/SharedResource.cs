namespace Portal;

/// <summary>Marker for the shared resources: common words, validation messages and Identity's errors.</summary>
#pragma warning disable CA1052 // A marker type for IStringLocalizer<T>; it is never instantiated.
public sealed class SharedResource
#pragma warning restore CA1052
{
}
