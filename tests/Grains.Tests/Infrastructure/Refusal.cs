using Rides.Grains.Errors;
using Rides.TestInfrastructure;

namespace Rides.Grains.Tests.Infrastructure;

/// <summary>Asserts that a grain call is refused with a given error code.</summary>
public static class Refusal
{
    public static async Task<RidesException> Expect(string code, Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<RidesException>(() => call().DefaultTimeout());
        Assert.Equal(code, ex.Code);
        return ex;
    }
}
