using System.Text.Json;

namespace Rides.Edge.Tests;

/// <summary>A REST response: status, parsed JSON body and raw text.</summary>
public sealed record RestAnswer(int Status, JsonElement Json, string Text);
